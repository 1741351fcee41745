namespace Sportello.Organizations.Domain;

/// <summary>A customer of the tenant: what buys, owns services and is invoiced. Its members act for it.</summary>
public sealed class Organization
{
    public const int MaxName = 200;

    public Guid Id { get; set; }
    public required string LegalName { get; set; }
    public OrganizationKind Kind { get; set; }
    public string? CodiceFiscale { get; set; }
    public string? PartitaIva { get; set; }
    public string? Street { get; set; }
    public string? Cap { get; set; }
    public string? City { get; set; }
    public string? Province { get; set; }
    public string Country { get; set; } = "IT";
    public string? Pec { get; set; }

    /// <summary>The SDI recipient code (7 characters) or, for a public body, its office code (6).</summary>
    public string? RecipientCode { get; set; }
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public string Language { get; set; } = "it";
    /// <summary>
    /// An affiliate (who brings customers for a commission): never a partner at the same time. Kept for the affiliate
    /// program to come.
    /// </summary>
    public bool IsAffiliate { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>Bumped by every change, so two people editing at once cannot overwrite each other silently.</summary>
    public int Version { get; set; }
}
