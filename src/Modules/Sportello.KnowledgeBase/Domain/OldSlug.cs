namespace Sportello.KnowledgeBase.Domain;

/// <summary>A slug a guide had before it was renamed; its URL answers 301 to the current one.</summary>
public sealed class OldSlug
{
    public required string Slug { get; set; }
    public Guid ArticleId { get; set; }
}
