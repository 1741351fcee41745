namespace Sportello.KnowledgeBase;

/// <summary>Section <c>Sportello:KnowledgeBase</c>.</summary>
public sealed class KnowledgeBaseOptions
{
    public const string Section = "Sportello:KnowledgeBase";

    /// <summary>How often an open search index looks for changes made on other nodes.</summary>
    public TimeSpan IndexPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How many answers to "was this guide helpful?" one visitor may send per tenant in <see cref="FeedbackWindow"/>.</summary>
    public int FeedbackPerWindow { get; set; } = 5;

    public TimeSpan FeedbackWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often this node adds its guide view counts to the database.</summary>
    public TimeSpan ViewsFlushInterval { get; set; } = TimeSpan.FromSeconds(30);
}
