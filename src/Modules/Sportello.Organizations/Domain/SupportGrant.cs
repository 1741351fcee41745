namespace Sportello.Organizations.Domain;

/// <summary>
/// An organization lets the tenant's support into one product area: until it revokes, and never longer than
/// <see cref="ValidDays"/> days.
/// </summary>
public sealed class SupportGrant
{
    public const int ValidDays = 7;

    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Area { get; set; }
    public required string GrantedByUserId { get; set; }
    public required string GrantedByName { get; set; }
    public DateTime GrantedUtc { get; set; }
    public DateTime ExpiresUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }

    public bool IsOpenAt(DateTime nowUtc) => RevokedUtc is null && nowUtc < ExpiresUtc;
}
