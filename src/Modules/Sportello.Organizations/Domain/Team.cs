namespace Sportello.Organizations.Domain;

/// <summary>A named group of an organization's members, granted product rights together.</summary>
public sealed class Team
{
    public const int MaxName = 100;

    public Guid Id { get; set; }
    public Guid OrganizationId { get; set; }
    public required string Name { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>A member in a team.</summary>
public sealed class TeamMember
{
    public Guid TeamId { get; set; }
    public required string UserId { get; set; }
}
