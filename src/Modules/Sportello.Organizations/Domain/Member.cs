namespace Sportello.Organizations.Domain;

/// <summary>A user's place in an organization. Name and address are copied from Identity when they join.</summary>
public sealed class Member
{
    public Guid OrganizationId { get; set; }
    public required string UserId { get; set; }
    public required string Email { get; set; }
    public required string DisplayName { get; set; }
    public OrganizationRole Role { get; set; }
    public DateTime JoinedUtc { get; set; }

    /// <summary>Administrative contact for invoices (Billing sends them to every member who has this on).</summary>
    public bool ReceivesInvoices { get; set; }

    /// <summary>Administrative contact for services about to expire.</summary>
    public bool ReceivesExpiryNotices { get; set; }

    /// <summary>Administrative contact for technical notices (maintenance, incidents).</summary>
    public bool ReceivesTechnicalNotices { get; set; }

    public bool Receives(ContactPurpose purpose) => purpose switch
    {
        ContactPurpose.Invoices => ReceivesInvoices,
        ContactPurpose.ExpiryNotices => ReceivesExpiryNotices,
        _ => ReceivesTechnicalNotices,
    };
}
