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
}
