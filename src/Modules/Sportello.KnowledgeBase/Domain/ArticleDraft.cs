namespace Sportello.KnowledgeBase.Domain;

/// <summary>What an editor submits for a guide; tags and related guides comma separated.</summary>
public sealed record ArticleDraft(string Title, string Slug, int CategoryId, string Summary, string Body, string Tags, string Related);
