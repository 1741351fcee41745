namespace Sportello.KnowledgeBase.Domain;

/// <summary>A reader's answer to "Ti è stata utile questa guida?", with an optional comment.</summary>
public sealed class ArticleFeedback
{
    public const int MaxComment = 1000;

    public Guid Id { get; set; }
    public Guid ArticleId { get; set; }
    public bool Helpful { get; set; }
    public string? Comment { get; set; }

    /// <summary>The revision the reader saw, so editors can tell old complaints from new ones.</summary>
    public int Revision { get; set; }

    public DateTime CreatedUtc { get; set; }
}
