namespace Sportello.Organizations.Domain;

public enum IdentityCheckStatus
{
    /// <summary>Waiting for the user: phone to confirm, photos to upload.</summary>
    Open,

    /// <summary>Photos uploaded: waiting for an operator.</summary>
    Submitted,
    Approved,
    Rejected,
}

public enum IdentityCheckTrigger
{
    Submit,

    /// <summary>The photos were unreadable or deleted after 72 hours: the user uploads them again.</summary>
    AskAgain,
    Approve,
    Reject,
}

/// <summary>
/// One proof of identity asked of a user: a confirmed mobile number, both sides of an identity document and a photo
/// of the user holding it, reviewed by an operator. The photos live in kernel files, kept 72 hours at most unless
/// decided on first, and deleted at the decision.
/// </summary>
public sealed class IdentityCheck
{
    public const int RetentionHours = 72;
    public const int CodeMinutes = 10;
    public const int MaxCodeAttempts = 5;
    public static readonly TimeSpan CodeResendAfter = TimeSpan.FromMinutes(1);

    public Guid Id { get; set; }
    public required string UserId { get; set; }
    public required string Email { get; set; }
    public required string DisplayName { get; set; }

    /// <summary>Where the check shows in an activity log: the organization the user represents, if any.</summary>
    public Guid? OrganizationId { get; set; }
    public IdentityCheckPurpose Purpose { get; set; }

    /// <summary>Why it was opened, for the operator who reviews it.</summary>
    public required string Note { get; set; }

    /// <summary>What the opener holds until the decision (an order id), handed back in <see cref="IdentityCheckDecided"/>.</summary>
    public string? Subject { get; set; }
    public required string TokenHash { get; set; }
    public IdentityCheckStatus Status { get; set; }
    public required string OpenedByName { get; set; }

    /// <summary>Opened by a rule (a lost second factor asked at sign-in), not by a person.</summary>
    public bool OpenedByRule { get; set; }
    public DateTime OpenedUtc { get; set; }
    public DateTime LinkSentUtc { get; set; }

    public string? Phone { get; set; }
    public string? CodeHash { get; set; }
    public DateTime? CodeSentUtc { get; set; }
    public int CodeAttempts { get; set; }

    /// <summary>Codes texted for this check: a handful at most, so a link cannot be used to send SMS at the tenant's cost.</summary>
    public int CodesSent { get; set; }
    public DateTime? PhoneConfirmedUtc { get; set; }

    public Guid? FrontFileId { get; set; }
    public Guid? BackFileId { get; set; }
    public Guid? SelfieFileId { get; set; }
    public DateTime? SubmittedUtc { get; set; }

    public string? DecidedByName { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? Reason { get; set; }

    public bool IsDecided => Status is IdentityCheckStatus.Approved or IdentityCheckStatus.Rejected;

    public IEnumerable<Guid> FileIds => new[] { FrontFileId, BackFileId, SelfieFileId }.Where(f => f is not null).Select(f => f!.Value);
}
