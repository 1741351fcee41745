namespace Sportello.Organizations.Domain;

/// <summary>
/// A partner manages an organization's products for it. Proposed by the partner for a new organization (pending
/// until the client's legal representative confirms) or entrusted by an existing organization; the client chooses
/// the access, and either side ends it, at once.
/// </summary>
public sealed class PartnerClient
{
    public const int ValidDays = 7;

    /// <summary>The product area whose access the "billing" choice stands for (the Billing module's).</summary>
    public const string BillingArea = "billing";

    public Guid Id { get; set; }
    public Guid PartnerId { get; set; }

    /// <summary>Null while a proposed organization waits for its legal representative.</summary>
    public Guid? ClientId { get; set; }
    public PartnerClientStatus Status { get; set; }
    public ClientAccess Access { get; set; }

    /// <summary>With <see cref="ClientAccess.Limited"/>: the product areas the partner reaches, comma-separated keys.</summary>
    public string Areas { get; set; } = string.Empty;

    /// <summary>With <see cref="ClientAccess.Limited"/>: whether the partner sees invoices and pays.</summary>
    public bool Billing { get; set; }

    /// <summary>A proposed organization's data (LegalData as JSON), kept until confirmed.</summary>
    public string? ProposedData { get; set; }
    public string? ProposedName { get; set; }
    public string? InviteEmail { get; set; }
    public string? TokenHash { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ExpiresUtc { get; set; }
    public DateTime? ActivatedUtc { get; set; }
    public DateTime? EndedUtc { get; set; }

    /// <summary>"partner" or "client": who ended it.</summary>
    public string? EndedBy { get; set; }

    public IReadOnlyList<string> AreaKeys => Areas.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Whether the partner reaches <paramref name="area"/> of the client through this relationship.</summary>
    public bool Reaches(string area) =>
        Status == PartnerClientStatus.Active && (Access == ClientAccess.Full || (area == BillingArea ? Billing : AreaKeys.Contains(area)));
}

public enum PartnerClientStatus
{
    Pending,
    Active,
    Ended,
}

/// <summary>What the client lets its partner reach: everything (products and billing), or chosen areas.</summary>
public enum ClientAccess
{
    Full,
    Limited,
}

/// <summary>A partner's collaborator allowed to manage one client (the partner's legal representatives and administrators manage them all).</summary>
public sealed class PartnerStaff
{
    public Guid PartnerClientId { get; set; }
    public required string UserId { get; set; }
}

/// <summary>A visitor of the public directory asks a partner for a quote.</summary>
public sealed class QuoteRequest
{
    public Guid Id { get; set; }
    public Guid PartnerId { get; set; }
    public required string Name { get; set; }
    public required string Email { get; set; }
    public string? Phone { get; set; }
    public required string Message { get; set; }
    public DateTime ReceivedUtc { get; set; }
}
