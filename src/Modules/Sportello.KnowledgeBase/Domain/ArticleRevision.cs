namespace Sportello.KnowledgeBase.Domain;

/// <summary>A saved state of a guide, kept so an editor can see what changed and restore it.</summary>
public sealed class ArticleRevision
{
    public Guid Id { get; set; }
    public Guid ArticleId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }
    public string Summary { get; set; } = string.Empty;
    public string Body { get; set; } = string.Empty;
    public string Tags { get; set; } = string.Empty;
    public string Author { get; set; } = string.Empty;
    public DateTime SavedUtc { get; set; }

    /// <summary>The guide's text as it is now, numbered with its current <see cref="Article.Revision"/>.</summary>
    public static ArticleRevision Of(Article article, string author, DateTime savedUtc) => new()
    {
        Id = Guid.CreateVersion7(),
        ArticleId = article.Id,
        Number = article.Revision,
        Title = article.Title,
        Summary = article.Summary,
        Body = article.Body,
        Tags = article.Tags,
        Author = author,
        SavedUtc = savedUtc,
    };
}
