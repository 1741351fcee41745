using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Sportello.KnowledgeBase.Search;

/// <summary>
/// "Did you mean": each query word the guides never use is replaced by the closest word they do use (fewest edits,
/// then most guides); no suggestion when every word is known or nothing is close.
/// </summary>
internal static class Suggestions
{
    public static string? For(IndexReader reader, string text)
    {
        Terms? vocabulary = null;
        var words = QueryText.Terms(SearchAnalyzers.Vocabulary, SearchFields.Words, QueryText.WithoutSyntax(text));
        var changed = false;
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (word.Length < 4 || reader.DocFreq(new Term(SearchFields.Words, word)) > 0)
            {
                continue;
            }

            vocabulary ??= MultiFields.GetTerms(reader, SearchFields.Words);
            if (vocabulary is not null && Closest(vocabulary, word) is { } better)
            {
                words[i] = better;
                changed = true;
            }
        }

        return changed ? string.Join(' ', words) : null;
    }

    private static string? Closest(Terms vocabulary, string word)
    {
        var candidates = new FuzzyTermsEnum(vocabulary, new AttributeSource(), new Term(SearchFields.Words, word), QueryBuilder.Edits(word), 1, true);
        (string Word, int Edits, int DocFreq)? best = null;
        while (candidates.MoveNext())
        {
            var candidate = candidates.Term.Utf8ToString();
            var edits = Edits(word, candidate);
            var docFreq = candidates.DocFreq;
            if (best is null || edits < best.Value.Edits || (edits == best.Value.Edits && docFreq > best.Value.DocFreq))
            {
                best = (candidate, edits, docFreq);
            }
        }

        return best?.Word;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours.</summary>
    internal static int Edits(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
