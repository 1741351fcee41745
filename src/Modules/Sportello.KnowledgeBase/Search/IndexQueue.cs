using System.Threading.Channels;
using Sportello.Core.Cluster;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Search;

/// <summary>
/// Queues index work: the entry is written in the same transaction as the change it describes, so a crash cannot
/// lose it; <see cref="Wake"/> then tells this node's worker not to wait for its next round. With several nodes,
/// the others hear of the change through the page-cache eviction message, which wakes their workers too.
/// </summary>
public sealed class IndexQueue(TimeProvider time) : ITenantContentListener
{
    private readonly Channel<string> _wakeups = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<string> Wakeups => _wakeups.Reader;

    public void Add(KnowledgeBaseDbContext db, Guid articleId) =>
        db.IndexQueue.Add(new IndexQueueEntry { ArticleId = articleId, QueuedUtc = time.GetUtcNow().UtcDateTime });

    public void Wake(string tenant) => _wakeups.Writer.TryWrite(tenant);

    void ITenantContentListener.ContentChanged(string tenant) => Wake(tenant);
}
