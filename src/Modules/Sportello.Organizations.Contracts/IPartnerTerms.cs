using Sportello.Core.Modules;

namespace Sportello.Organizations;

/// <summary>
/// The partner program as Billing prices with it: an approved partner's benefit (a discount on its own purchases, or a
/// cashback on what it and its clients buy, never both) and which clients it manages. Ended, rejected and pending
/// partners have no terms; ended or pending client relationships count for nothing.
/// </summary>
[ModuleContract("organizations")]
public interface IPartnerTerms
{
    /// <summary>The terms of <paramref name="organizationId"/> when it is an approved partner; otherwise null.</summary>
    Task<PartnerTerms?> OfAsync(Guid organizationId, CancellationToken ct = default);

    /// <summary>The approved partners that manage <paramref name="clientId"/> now, with their terms.</summary>
    Task<IReadOnlyList<PartnerTerms>> ManagersOfAsync(Guid clientId, CancellationToken ct = default);

    /// <summary>The organizations <paramref name="partnerId"/> manages now (its managed volume is theirs).</summary>
    Task<IReadOnlyList<Guid>> ClientsOfAsync(Guid partnerId, CancellationToken ct = default);
}

/// <summary>An approved partner's benefit, as a percentage of the net price: one of the two is zero.</summary>
public sealed record PartnerTerms(Guid PartnerId, decimal DiscountPercent, decimal CashbackPercent);
