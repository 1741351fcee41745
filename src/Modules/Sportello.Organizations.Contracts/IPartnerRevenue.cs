using Sportello.Core.Finance;
using Sportello.Core.Modules;

namespace Sportello.Organizations;

/// <summary>
/// A partner's figures for a year, from whoever invoices (the Billing module registers it): the volume it managed for
/// its clients and what its discount or cashback came to. Without it, the console says the figures are not kept yet.
/// It lives here because Billing depends on Organizations, not the other way; it is Billing's to provide.
/// </summary>
[ModuleContract("billing")]
public interface IPartnerRevenue
{
    Task<PartnerFigures> ForAsync(Guid partnerId, int year, CancellationToken ct = default);
}

public sealed record PartnerFigures(Money ManagedVolume, Money Benefit);
