namespace Sportello.Organizations.Domain;

/// <summary>
/// A product right (<see cref="Sportello.Core.Modules.ProductRight"/> key) granted in an organization to a member
/// (<see cref="UserId"/>) or a team (<see cref="TeamId"/>), exactly one of the two.
/// </summary>
public sealed class RightGrant
{
    public long Id { get; set; }
    public Guid OrganizationId { get; set; }
    public string? UserId { get; set; }
    public Guid? TeamId { get; set; }
    public required string Right { get; set; }
}
