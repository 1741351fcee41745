namespace Sportello.KnowledgeBase.Domain;

/// <summary>A help guide: Markdown body plus what lists, search and the page around it need.</summary>
public sealed class Article
{
    public const int MaxTitle = 200;
    public const int MaxSummary = 500;

    public Guid Id { get; set; }
    public required string Slug { get; set; }
    public required string Title { get; set; }
    public string Summary { get; set; } = string.Empty;
    public string Body { get; set; } = string.Empty;
    public int CategoryId { get; set; }

    /// <summary>Lower-case tags, comma separated.</summary>
    public string Tags { get; set; } = string.Empty;

    /// <summary>Slugs of related guides, comma separated, in the author's order.</summary>
    public string Related { get; set; } = string.Empty;

    public ArticleStatus Status { get; set; }
    public string Author { get; set; } = string.Empty;
    public int Revision { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }

    /// <summary>Page views, added up from every node's counters.</summary>
    public long Views { get; set; }

    public IReadOnlyList<string> TagList => Split(Tags);
    public IReadOnlyList<string> RelatedSlugs => Split(Related);

    private static string[] Split(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
