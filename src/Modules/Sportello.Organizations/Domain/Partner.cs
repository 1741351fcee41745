namespace Sportello.Organizations.Domain;

/// <summary>
/// An organization in the partner program: its application, the tenant's decision and, once approved, its benefit
/// (a discount or a recurring cashback, never both) and whether it is listed in the public directory.
/// </summary>
public sealed class Partner
{
    public const int MaxWebsite = 200;
    public const int MaxServedAreas = 200;
    public const int MaxMotivation = 2000;

    public Guid OrganizationId { get; set; }
    public PartnerStatus Status { get; set; }
    public required string Website { get; set; }

    /// <summary>Where the partner works, in its words ("Campania e Lazio").</summary>
    public required string ServedAreas { get; set; }
    public string? Motivation { get; set; }
    public DateTime AppliedUtc { get; set; }
    public required string AppliedByName { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? DecidedByName { get; set; }

    /// <summary>Why an application was rejected or a partnership ended.</summary>
    public string? Reason { get; set; }
    public PartnerBenefit? Benefit { get; set; }

    /// <summary>Of the discount or the cashback, 0.01 to 100.</summary>
    public decimal? Percent { get; set; }

    /// <summary>The partner chose to appear in the public directory.</summary>
    public bool Listed { get; set; }
}

public enum PartnerStatus
{
    Applied,
    Approved,
    Rejected,
    Ended,
}

public enum PartnerTrigger
{
    Approve,
    Reject,
    End,
    Reapply,
}

/// <summary>What a partner gets for the volume it manages: a discount on its purchases, or a cashback paid over time.</summary>
public enum PartnerBenefit
{
    Discount,
    Cashback,
}
