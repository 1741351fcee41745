using Sportello.Core.Finance;

namespace Sportello.Organizations.Domain;

/// <summary>The tenant's rules for organizations, set by recipe or in the back office.</summary>
public sealed record OrganizationsSettings
{
    /// <summary>The yearly volume a partner is expected to manage, shown to applicants and partners.</summary>
    public decimal PartnerThreshold { get; init; } = 1800m;

    /// <summary>EUR or CHF.</summary>
    public string PartnerCurrency { get; init; } = "EUR";

    [System.Text.Json.Serialization.JsonIgnore]
    public Money Threshold => new(PartnerThreshold, Currency.Find(PartnerCurrency) ?? Currency.Eur);
}
