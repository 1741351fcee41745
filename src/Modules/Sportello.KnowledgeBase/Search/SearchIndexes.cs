using System.Collections.Concurrent;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;
using Sportello.KnowledgeBase.Content;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Search;

/// <summary>
/// This node's open tenant indexes. A request gets an index only when it is healthy; otherwise it answers from the
/// database while the worker rebuilds (missing folder, unreadable files, another language). The database is the
/// source of truth, so an index can always be thrown away.
/// </summary>
public sealed class SearchIndexes(StorePaths paths, IndexQueue queue, TimeProvider time, ILogger<SearchIndexes> logger) : ITenantCache, IDisposable
{
    private const int Batch = 500;

    /// <summary>Queue entries older than this are pruned; an index not committed for as long is rebuilt rather than trusted.</summary>
    internal static readonly TimeSpan Retention = TimeSpan.FromDays(30);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed class Entry
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public TenantSearchIndex? Index;
        public volatile bool NeedsRebuild;
        public long FolderCheckedTicks;
        public DateTime PrunedUtc;
    }

    public string PathOf(string tenant) => Path.Combine(paths.TenantFolder(tenant), "search-index");

    /// <summary>Tenants with an open index on this node; the worker polls them for changes made on other nodes.</summary>
    public IReadOnlyCollection<string> Open => _entries.Where(e => e.Value.Index is not null).Select(e => e.Key).ToList();

    /// <summary>The tenant's index when it can answer now; null means "answer from the database".</summary>
    public TenantSearchIndex? Ready(Tenant tenant)
    {
        var entry = _entries.GetOrAdd(tenant.Name, _ => new Entry());
        if (Volatile.Read(ref entry.Index) is { } index)
        {
            if (index.AnalyzerName == SearchAnalyzers.NameFor(tenant.Culture) && FolderStillThere(entry, index))
            {
                return index;
            }

            Broken(tenant.Name, null, "its folder is gone or its language changed");
            return null;
        }

        if (!entry.NeedsRebuild && entry.Gate.Wait(0))
        {
            try
            {
                // First search on this node: open what is on disk, then let the worker bring it up to date.
                entry.Index ??= TryOpen(tenant, entry);
            }
            finally
            {
                entry.Gate.Release();
            }
        }

        queue.Wake(tenant.Name);
        return entry.Index;
    }

    /// <summary>Throws the index away: the next round of the worker builds it again from the database.</summary>
    public void Broken(string tenant, Exception? error, string reason)
    {
        if (_entries.TryGetValue(tenant, out var entry))
        {
            logger.LogWarning(error, "Search index of tenant {TenantName} will be rebuilt: {Reason}", tenant, reason);
            entry.NeedsRebuild = true;
            if (Interlocked.Exchange(ref entry.Index, null) is { } index)
            {
                DisposeQuietly(index);
            }
        }

        queue.Wake(tenant);
    }

    public void RequestRebuild(Tenant tenant)
    {
        _entries.GetOrAdd(tenant.Name, _ => new Entry());
        Broken(tenant.Name, null, "an administrator asked for it");
    }

    /// <summary>
    /// The worker's part: opens or rebuilds the index as needed, then applies the queue entries it has not seen.
    /// </summary>
    public async Task UpdateAsync(Tenant tenant, KnowledgeBaseDbContext db, CancellationToken ct)
    {
        var entry = _entries.GetOrAdd(tenant.Name, _ => new Entry());
        await entry.Gate.WaitAsync(ct);
        try
        {
            if (entry.Index is null && !entry.NeedsRebuild)
            {
                entry.Index = TryOpen(tenant, entry);
            }

            if (entry.Index is null || entry.NeedsRebuild)
            {
                entry.Index = await RebuildAsync(tenant, entry, db, ct);
                entry.NeedsRebuild = false;
            }

            await CatchUpAsync(tenant, entry.Index, db, ct);
            await PruneAsync(entry, db, ct);
        }
        catch (Exception ex) when (ex is IOException or LockObtainFailedException or UnauthorizedAccessException or InvalidDataException or ObjectDisposedException)
        {
            Broken(tenant.Name, ex, "it could not be updated");
        }
        finally
        {
            entry.Gate.Release();
        }
    }

    private async Task<TenantSearchIndex> RebuildAsync(Tenant tenant, Entry entry, KnowledgeBaseDbContext db, CancellationToken ct)
    {
        var started = time.GetTimestamp();
        if (Interlocked.Exchange(ref entry.Index, null) is { } old)
        {
            DisposeQuietly(old);
        }

        // Read the queue position first: whatever changes while the guides are read is applied again afterwards.
        var last = await db.IndexQueue.MaxAsync(e => (long?)e.Id, ct) ?? 0;
        var path = PathOf(tenant.Name);
        if (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Delete(path, recursive: true);
        }

        System.IO.Directory.CreateDirectory(path);
        var index = TenantSearchIndex.Open(path, SearchAnalyzers.NameFor(tenant.Culture), create: true, time);
        try
        {
            var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
            var after = Guid.Empty;
            while (true)
            {
                var articles = await db.Articles.AsNoTracking()
                    .Where(a => a.Status == ArticleStatus.Published && a.Id.CompareTo(after) > 0)
                    .OrderBy(a => a.Id).Take(Batch).ToListAsync(ct);
                if (articles.Count == 0)
                {
                    break;
                }

                index.Stage(articles.Select(a => (a.Id, DocumentOf(tenant, a, categories[a.CategoryId]))));
                after = articles[^1].Id;
            }

            index.Seal(last);
            logger.LogInformation("Search index of tenant {TenantName} rebuilt: {Count} guides in {Elapsed} ms",
                tenant.Name, index.Count, (int)time.GetElapsedTime(started).TotalMilliseconds);
            return index;
        }
        catch
        {
            DisposeQuietly(index);
            throw;
        }
    }

    private async Task CatchUpAsync(Tenant tenant, TenantSearchIndex index, KnowledgeBaseDbContext db, CancellationToken ct)
    {
        while (true)
        {
            var applied = index.AppliedQueueId;
            var entries = await db.IndexQueue.AsNoTracking()
                .Where(e => e.Id > applied).OrderBy(e => e.Id).Take(Batch)
                .Select(e => new { e.Id, e.ArticleId }).ToListAsync(ct);
            if (entries.Count == 0)
            {
                return;
            }

            var ids = entries.Select(e => e.ArticleId).Distinct().ToList();
            var published = await db.Articles.AsNoTracking()
                .Where(a => ids.Contains(a.Id) && a.Status == ArticleStatus.Published)
                .Join(db.Categories, a => a.CategoryId, c => c.Id, (a, c) => new { Article = a, Category = c })
                .ToDictionaryAsync(x => x.Article.Id, ct);
            index.Apply(ids.Select(id => (id, published.TryGetValue(id, out var found) ? DocumentOf(tenant, found.Article, found.Category) : null)), entries[^1].Id);
            if (entries.Count < Batch)
            {
                return;
            }
        }
    }

    /// <summary>The guide as the index holds it; a guide that cannot be read is left out (and logged) so the others go on.</summary>
    private Lucene.Net.Documents.Document? DocumentOf(Tenant tenant, Article article, Category category)
    {
        var (document, problem) = SearchFields.ToDocument(article, category, GuideVariables.Of(tenant));
        if (problem is not null)
        {
            logger.LogWarning("Guide {Slug} of tenant {TenantName} is left out of the search index: {Problem}", article.Slug, tenant.Name, problem);
        }

        return document;
    }

    private async Task PruneAsync(Entry entry, KnowledgeBaseDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (now - entry.PrunedUtc < TimeSpan.FromHours(1))
        {
            return;
        }

        entry.PrunedUtc = now;
        var cutoff = now - Retention;
        await db.IndexQueue.Where(e => e.QueuedUtc < cutoff).ExecuteDeleteAsync(ct);
    }

    private TenantSearchIndex? TryOpen(Tenant tenant, Entry entry)
    {
        var path = PathOf(tenant.Name);
        if (!System.IO.Directory.Exists(path))
        {
            entry.NeedsRebuild = true;
            return null;
        }

        try
        {
            var index = TenantSearchIndex.Open(path, SearchAnalyzers.NameFor(tenant.Culture), create: false, time);
            if (time.GetUtcNow().UtcDateTime - index.CommittedUtc > Retention)
            {
                // The queue entries it would need may have been pruned.
                DisposeQuietly(index);
                entry.NeedsRebuild = true;
                return null;
            }

            return index;
        }
        catch (LockObtainFailedException ex)
        {
            // Another process holds it (two hosts sharing one App_Data): answer from the database, try again later.
            logger.LogWarning(ex, "Search index of tenant {TenantName} is locked by another process", tenant.Name);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Search index of tenant {TenantName} cannot be read and will be rebuilt", tenant.Name);
            entry.NeedsRebuild = true;
            return null;
        }
    }

    // A stat per second per tenant at most: enough to notice a deleted folder without touching the disk on every search.
    private bool FolderStillThere(Entry entry, TenantSearchIndex index)
    {
        var now = time.GetTimestamp();
        var checkedAt = Interlocked.Read(ref entry.FolderCheckedTicks);
        if (checkedAt != 0 && time.GetElapsedTime(checkedAt, now) < TimeSpan.FromSeconds(1))
        {
            return true;
        }

        Interlocked.Exchange(ref entry.FolderCheckedTicks, now);
        return System.IO.Directory.Exists(index.Path);
    }

    private void DisposeQuietly(TenantSearchIndex index)
    {
        try
        {
            index.Dispose();
        }
        catch (Exception ex)
        {
            logger.LogDebug(ex, "Closing a search index failed");
        }
    }

    public async ValueTask ReleaseAsync(Tenant tenant, CancellationToken ct)
    {
        if (_entries.TryRemove(tenant.Name, out var entry))
        {
            await entry.Gate.WaitAsync(ct);
            try
            {
                if (Interlocked.Exchange(ref entry.Index, null) is { } index)
                {
                    DisposeQuietly(index);
                }
            }
            finally
            {
                entry.Gate.Release();
            }
        }
    }

    public void Dispose()
    {
        foreach (var entry in _entries.Values)
        {
            if (Interlocked.Exchange(ref entry.Index, null) is { } index)
            {
                DisposeQuietly(index);
            }
        }
    }
}
