using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Sportello.KnowledgeBase.Search;

/// <summary>
/// Builds the query for a reader's words: each analyzed word is looked for in every searched field with that
/// field's boost; a word no guide contains is also looked for, in <see cref="SearchFields.All"/>, with a typing
/// mistake or two ("rinnvo" finds "rinnovo"), which keeps the common case, known words, as cheap as a term lookup.
/// </summary>
internal static class QueryBuilder
{
    /// <summary>Words after the first ones add little but cost every search.</summary>
    public const int MaxTerms = 12;

    /// <summary>Close words a misspelt one may stand for; the best few are all a reader needs.</summary>
    private const int MaxExpansions = 16;

    /// <summary>
    /// One mistake (a swap of two letters counts as one) covers most typing errors; two only in long words, where
    /// they are likelier and cannot turn the word into another one. Two edits cost ten times as much to look up.
    /// </summary>
    public static int Edits(string word) => word.Length >= 12 ? 2 : 1;

    public static Query? Build(IndexReader reader, Analyzer language, string text)
    {
        var terms = QueryText.Terms(language, SearchFields.Body, QueryText.WithoutSyntax(text)).Distinct().Take(MaxTerms).ToList();
        if (terms.Count == 0)
        {
            return null;
        }

        var query = new BooleanQuery();
        var knownTerms = 0;
        foreach (var term in terms)
        {
            var known = reader.DocFreq(new Term(SearchFields.All, term)) > 0;
            knownTerms += known ? 1 : 0;
            var anyField = new BooleanQuery(disableCoord: true);
            if (known)
            {
                foreach (var (field, boost) in SearchFields.Searched)
                {
                    anyField.Add(new TermQuery(new Term(field, term)) { Boost = boost }, Occur.SHOULD);
                }
            }
            else if (term.Length >= 4)
            {
                anyField.Add(new FuzzyQuery(new Term(SearchFields.All, term), Edits(term), 1, MaxExpansions, true), Occur.SHOULD);
            }

            query.Add(anyField, Occur.SHOULD);
        }

        // Short questions need every word the guides know, longer ones may miss one; unknown words (typos, noise such
        // as "AND" or "script") only add to the score, so they can never empty the results on their own.
        query.MinimumNumberShouldMatch = knownTerms <= 2 ? knownTerms : knownTerms - 1;
        return query;
    }
}
