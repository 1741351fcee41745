namespace Sportello.KnowledgeBase.Domain;

/// <summary>"This guide changed": written with the change, read by every node's index worker in <see cref="Id"/> order.</summary>
public sealed class IndexQueueEntry
{
    public long Id { get; set; }
    public Guid ArticleId { get; set; }
    public DateTime QueuedUtc { get; set; }
}
