namespace Sportello.Organizations.Domain;

/// <summary>
/// An invitation by e-mail to join an organization in a role: valid for <see cref="ValidDays"/> days from its last
/// sending, accepted once, revocable until then. Only the token's hash is stored.
/// </summary>
public sealed class Invitation
{
    public const int ValidDays = 7;

    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Email { get; set; }
    public OrganizationRole Role { get; set; }
    public required string TokenHash { get; set; }
    public required string InvitedByUserId { get; set; }
    public required string InvitedByName { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime SentUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public int Sendings { get; set; }
    public DateTime? RevokedUtc { get; set; }
    public DateTime? AcceptedUtc { get; set; }
    public string? AcceptedUserId { get; set; }

    public InvitationState StateAt(DateTime nowUtc) =>
        AcceptedUtc is not null ? InvitationState.Accepted
        : RevokedUtc is not null ? InvitationState.Revoked
        : nowUtc >= ExpiresUtc ? InvitationState.Expired
        : InvitationState.Pending;
}

public enum InvitationState
{
    Pending,
    Accepted,
    Revoked,
    Expired,
}
