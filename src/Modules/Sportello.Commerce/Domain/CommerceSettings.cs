using Sportello.Identity;

namespace Sportello.Commerce.Domain;

/// <summary>The tenant's rules for shop accounts, set by recipe or by the platform operator.</summary>
public sealed record CommerceSettings
{
    /// <summary>What "Reset password" on a customer record e-mails: a one-hour link (the default) or a generated password.</summary>
    public PasswordDelivery OperatorReset { get; init; } = PasswordDelivery.Link;
}
