namespace Sportello.KnowledgeBase.Domain;

/// <summary>A group of guides; categories form a tree (one level of children in practice) ordered by <see cref="Order"/>.</summary>
public sealed class Category
{
    public int Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string Description { get; set; } = string.Empty;
    public string Icon { get; set; } = "help";
    public int? ParentId { get; set; }
    public int Order { get; set; }
}
