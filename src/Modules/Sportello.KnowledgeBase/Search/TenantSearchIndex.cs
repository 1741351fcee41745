using System.Collections.Concurrent;
using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Directory = Lucene.Net.Store.Directory;

namespace Sportello.KnowledgeBase.Search;

/// <summary>
/// One tenant's index on this node's disk: a writer the worker feeds, searchers refreshed after each commit, and in
/// the commit data how far into the index queue it is and which language analyzer built it.
/// </summary>
public sealed class TenantSearchIndex : IDisposable
{
    private const string QueueKey = "queue";
    private const string AnalyzerKey = "analyzer";
    private const string CommittedKey = "committed";
    private const string SchemaKey = "schema";

    private readonly Directory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly Analyzer _language;
    private readonly TimeProvider _time;

    /// <summary>Answers kept per index until the next commit; a few hundred cover a help centre's usual questions.</summary>
    private const int ResultsKept = 256;

    private volatile ConcurrentDictionary<(string Text, string? Category, int Page, int PageSize), SearchResults> _results = new();

    private TenantSearchIndex(string path, Directory directory, IndexWriter writer, string analyzerName, TimeProvider time)
    {
        _time = time;
        Path = path;
        _directory = directory;
        _writer = writer;
        AnalyzerName = analyzerName;
        _language = SearchAnalyzers.Language(analyzerName);
        _searchers = new SearcherManager(writer, applyAllDeletes: true, searcherFactory: null);
        AppliedQueueId = writer.CommitData.TryGetValue(QueueKey, out var applied) ? long.Parse(applied, CultureInfo.InvariantCulture) : 0;
        CommittedUtc = writer.CommitData.TryGetValue(CommittedKey, out var committed)
            ? new DateTime(long.Parse(committed, CultureInfo.InvariantCulture), DateTimeKind.Utc)
            : DateTime.MinValue;
    }

    private static readonly ISet<string> StoredForHits = new HashSet<string>
    {
        SearchFields.Title, SearchFields.Slug, SearchFields.Category, SearchFields.Summary, SearchFields.Body,
    };

    public string Path { get; }
    public string AnalyzerName { get; }

    /// <summary>The last index-queue entry this index reflects.</summary>
    public long AppliedQueueId { get; private set; }

    /// <summary>When the index last took in changes.</summary>
    public DateTime CommittedUtc { get; private set; }

    /// <summary>
    /// Opens the index at <paramref name="path"/>, or creates an empty one when <paramref name="create"/>.
    /// Throws when the files are missing or unreadable; the caller rebuilds.
    /// </summary>
    public static TenantSearchIndex Open(string path, string analyzerName, bool create, TimeProvider time)
    {
        var directory = FSDirectory.Open(new DirectoryInfo(path));
        IndexWriter? writer = null;
        try
        {
            var config = new IndexWriterConfig(SearchAnalyzers.Version, SearchAnalyzers.ForIndex(analyzerName))
            {
                OpenMode = create ? OpenMode.CREATE : OpenMode.APPEND,
            };
            writer = new IndexWriter(directory, config);
            var built = writer.CommitData.TryGetValue(AnalyzerKey, out var name) ? name : null;
            var schema = writer.CommitData.TryGetValue(SchemaKey, out var version) ? version : null;
            if (!create && (built != analyzerName || schema != SearchFields.Schema))
            {
                throw new InvalidDataException(
                    $"The index was built with the {built ?? "unknown"} analyzer and schema {schema ?? "1"}; the tenant now needs {analyzerName} and schema {SearchFields.Schema}.");
            }

            var index = new TenantSearchIndex(path, directory, writer, analyzerName, time);
            if (create)
            {
                index.Commit(0);
            }

            return index;
        }
        catch
        {
            writer?.Dispose();
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Adds, replaces or removes guides (a null document removes), then commits up to <paramref name="queueId"/>.</summary>
    public void Apply(IEnumerable<(Guid Id, Document? Document)> changes, long queueId)
    {
        Stage(changes);
        Commit(Math.Max(queueId, AppliedQueueId));
    }

    /// <summary>
    /// The end of a full build: one segment, so each term of a query is one lookup rather than one per segment, then
    /// the commit that makes the index visible.
    /// </summary>
    public void Seal(long queueId)
    {
        _writer.ForceMerge(1);
        Commit(queueId);
    }

    /// <summary>Adds, replaces or removes guides without committing: searches see them after the next commit.</summary>
    public void Stage(IEnumerable<(Guid Id, Document? Document)> changes)
    {
        foreach (var (id, document) in changes)
        {
            var key = new Term(SearchFields.Id, id.ToString("N"));
            if (document is null)
            {
                _writer.DeleteDocuments(key);
            }
            else
            {
                _writer.UpdateDocument(key, document);
            }
        }
    }

    public int Count
    {
        get
        {
            var searcher = _searchers.Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                _searchers.Release(searcher);
            }
        }
    }

    /// <summary>
    /// Answers from the results kept since the last commit when the same question was asked, as help-centre
    /// questions often are; <paramref name="cached"/> false always searches (the benchmark measures both).
    /// </summary>
    public SearchResults Search(string text, string? category, int page, int pageSize, bool cached = true)
    {
        // Taken before the searcher: a search that started before a commit stores its answer in the set the commit
        // threw away, never in the new one.
        var results = _results;
        var key = (text.Trim().ToLowerInvariant(), category, page, pageSize);
        if (cached && results.TryGetValue(key, out var known))
        {
            return known;
        }

        var found = SearchIndex(text, category, page, pageSize);
        if (cached)
        {
            if (results.Count >= ResultsKept)
            {
                results.Clear();
            }

            results[key] = found;
        }

        return found;
    }

    private SearchResults SearchIndex(string text, string? category, int page, int pageSize)
    {
        var searcher = _searchers.Acquire();
        try
        {
            var query = QueryBuilder.Build(searcher.IndexReader, _language, text);
            if (query is null)
            {
                return SearchResults.Nothing(SearchOutcome.Empty);
            }

            // Rewriting once expands the typo-tolerant parts into the words they matched, which are also the words to mark.
            var rewritten = searcher.Rewrite(query);
            var top = TopScoreDocCollector.Create(page * pageSize, true);
            var facets = new FacetCollector(top, category);
            searcher.Search(rewritten, facets);

            var matched = new HashSet<Term>();
            rewritten.ExtractTerms(matched);
            var stems = matched.Select(t => t.Text).Where(t => t.Length >= 2).Distinct(StringComparer.Ordinal).ToList();
            var hits = top.GetTopDocs((page - 1) * pageSize, pageSize).ScoreDocs.Select(found =>
            {
                var doc = searcher.Doc(found.Doc, StoredForHits);
                return new SearchHit(doc.Get(SearchFields.Title), doc.Get(SearchFields.Slug), doc.Get(SearchFields.Category),
                    Snippets.Build(doc.Get(SearchFields.Body) ?? string.Empty, doc.Get(SearchFields.Summary) ?? string.Empty, stems));
            }).ToList();
            return new SearchResults(SearchOutcome.Searched, hits, top.TotalHits, facets.Facets, Suggestions.For(searcher.IndexReader, text), FromDatabase: false);
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    private void Commit(long queueId)
    {
        _writer.SetCommitData(new Dictionary<string, string>
        {
            [QueueKey] = queueId.ToString(CultureInfo.InvariantCulture),
            [AnalyzerKey] = AnalyzerName,
            [SchemaKey] = SearchFields.Schema,
            [CommittedKey] = _time.GetUtcNow().UtcTicks.ToString(CultureInfo.InvariantCulture),
        });
        _writer.Commit();
        AppliedQueueId = queueId;
        CommittedUtc = _time.GetUtcNow().UtcDateTime;
        _searchers.MaybeRefreshBlocking();
        _results = new();
    }

    public void Dispose()
    {
        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
    }
}
