using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Sportello.KnowledgeBase.Search;

/// <summary>Counts matching guides per category from the category doc values, in the same pass that ranks them.</summary>
internal sealed class FacetCollector : ICollector
{
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly BytesRef _scratch = new();
    private SortedDocValues? _values;
    private int[] _segmentCounts = [];

    public IReadOnlyList<CategoryFacet> Facets
    {
        get
        {
            Flush();
            return _counts.Where(c => c.Value > 0).Select(c => new CategoryFacet(c.Key, c.Value)).ToList();
        }
    }

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer)
    {
    }

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        _values = context.AtomicReader.GetSortedDocValues(SearchFields.Category);
        _segmentCounts = _values is null ? [] : new int[_values.ValueCount];
    }

    // Counting by ordinal and resolving names once per segment keeps the per-match cost to an array increment.
    public void Collect(int doc)
    {
        if (_values is not null && _values.GetOrd(doc) is var ord and >= 0)
        {
            _segmentCounts[ord]++;
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
