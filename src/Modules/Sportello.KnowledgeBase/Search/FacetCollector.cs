using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Sportello.KnowledgeBase.Search;

/// <summary>
/// Counts every match per category from the category doc values and hands on to <paramref name="hits"/> only the
/// matches in <paramref name="category"/> (all when null): the counts for every topic and the filtered ranking
/// come from one pass over the query.
/// </summary>
internal sealed class FacetCollector(ICollector hits, string? category) : ICollector
{
    private const int Any = -2;

    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly BytesRef _scratch = new();
    private SortedDocValues? _values;
    private int[] _segmentCounts = [];
    private int _wanted = Any;

    public IReadOnlyList<CategoryFacet> Facets
    {
        get
        {
            Flush();
            return _counts.Where(c => c.Value > 0).Select(c => new CategoryFacet(c.Key, c.Value)).ToList();
        }
    }

    public bool AcceptsDocsOutOfOrder => hits.AcceptsDocsOutOfOrder;

    public void SetScorer(Scorer scorer) => hits.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _values = context.AtomicReader.GetSortedDocValues(SearchFields.Category);
        _segmentCounts = _values is null ? [] : new int[_values.ValueCount];
        _wanted = category is null ? Any : _values?.LookupTerm(new BytesRef(category)) ?? -1;
        hits.SetNextReader(context);
    }

    // Counting by ordinal and resolving names once per segment keeps the per-match cost to an array increment.
    public void Collect(int doc)
    {
        var ord = _values?.GetOrd(doc) ?? -1;
        if (ord >= 0)
        {
            _segmentCounts[ord]++;
        }

        if (_wanted == Any || (ord >= 0 && ord == _wanted))
        {
            hits.Collect(doc);
        }
    }

    private void Flush()
    {
        for (var ord = 0; ord < _segmentCounts.Length; ord++)
        {
            if (_segmentCounts[ord] > 0)
            {
                _values!.LookupOrd(ord, _scratch);
                var slug = _scratch.Utf8ToString();
                _counts[slug] = _counts.GetValueOrDefault(slug) + _segmentCounts[ord];
            }
        }

        _segmentCounts = [];
    }
}
