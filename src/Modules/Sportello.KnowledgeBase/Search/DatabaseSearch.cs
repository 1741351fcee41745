using Microsoft.EntityFrameworkCore;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Search;

/// <summary>
/// Search straight from the database, for while the index is being (re)built: the stem of every word ("rinnov" for
/// "rinnovi", stop words left out) must appear in the title, summary, body or tags; guides with the words in their
/// title come first. Slower and without typo tolerance, but it always answers.
/// </summary>
internal static class DatabaseSearch
{
    public static async Task<SearchResults> SearchAsync(
        KnowledgeBaseDbContext db, string analyzer, string text, string? category, int page, int pageSize, CancellationToken ct)
    {
        var words = QueryText.Terms(SearchAnalyzers.Language(analyzer), SearchFields.Body, QueryText.WithoutSyntax(text))
            .Where(w => w.Length >= 2).Distinct().Take(8).ToList();
        if (words.Count == 0)
        {
            return SearchResults.Nothing(SearchOutcome.Empty);
        }

        var query = db.Articles.AsNoTracking().Where(a => a.Status == ArticleStatus.Published);
        foreach (var word in words)
        {
            query = query.Where(a => a.Title.ToLower().Contains(word) || a.Summary.ToLower().Contains(word)
                || a.Body.ToLower().Contains(word) || a.Tags.Contains(word));
        }

        var found = await query
            .Join(db.Categories, a => a.CategoryId, c => c.Id, (a, c) => new { a.Title, a.Slug, a.Summary, CategorySlug = c.Slug })
            .ToListAsync(ct);
        var facets = found.GroupBy(f => f.CategorySlug).Select(g => new CategoryFacet(g.Key, g.Count())).ToList();
        var ranked = found
            .Where(f => category is null || f.CategorySlug == category)
            .OrderByDescending(f => words.Count(w => f.Title.Contains(w, StringComparison.OrdinalIgnoreCase)))
            .ThenBy(f => f.Title, StringComparer.CurrentCulture)
            .ToList();
        var hits = ranked.Skip((page - 1) * pageSize).Take(pageSize)
            .Select(f => new SearchHit(f.Title, f.Slug, f.CategorySlug, Mark(f.Summary, words)))
            .ToList();
        return new SearchResults(SearchOutcome.Searched, hits, ranked.Count, facets, null, FromDatabase: true);
    }

    private static List<SnippetPart> Mark(string text, IReadOnlyList<string> words)
    {
        var parts = new List<SnippetPart>();
        var at = 0;
        while (at < text.Length)
        {
            var next = words
                .Select(w => (Word: w, Index: text.IndexOf(w, at, StringComparison.OrdinalIgnoreCase)))
                .Where(m => m.Index >= 0)
                .OrderBy(m => m.Index)
                .FirstOrDefault();
            if (next.Word is null)
            {
                break;
            }

            if (next.Index > at)
            {
                parts.Add(new(text[at..next.Index], false));
            }

            parts.Add(new(text.Substring(next.Index, next.Word.Length), true));
            at = next.Index + next.Word.Length;
        }

        if (at < text.Length)
        {
            parts.Add(new(text[at..], false));
        }

        return parts;
    }
}
