using Lucene.Net.Analysis;

namespace Sportello.KnowledgeBase.Search;

/// <summary>
/// Picks the passage of a guide with most of the searched words and marks them. Parts are plain text, so the page
/// encodes them like any other text: a guide or a query cannot smuggle markup into the results.
/// </summary>
internal static class Snippets
{
    public const int Length = 220;

    /// <summary>Beyond this the passage would rarely be the best one, and analyzing costs time on every result.</summary>
    private const int ScanLimit = 6000;

    public static IReadOnlyList<SnippetPart> Build(Analyzer analyzer, string body, string summary, IReadOnlySet<string> terms)
    {
        var inBody = Matches(analyzer, SearchFields.Body, body, terms);
        if (inBody.Count > 0)
        {
            return Mark(body, inBody);
        }

        var inSummary = Matches(analyzer, SearchFields.Summary, summary, terms);
        var text = summary.Length > 0 ? summary : body;
        return inSummary.Count > 0 ? Mark(summary, inSummary) : Mark(text, []);
    }

    private static List<(int Start, int End)> Matches(Analyzer analyzer, string field, string text, IReadOnlySet<string> terms)
    {
        var found = new List<(int, int)>();
        if (terms.Count == 0 || text.Length == 0)
        {
            return found;
        }

        foreach (var (term, start, end) in QueryText.Tokens(analyzer, field, text, ScanLimit))
        {
            if (terms.Contains(term))
            {
                found.Add((start, end));
            }

            // Enough to fill a passage starting at the first match.
            if (found.Count > 0 && start > found[0].Item1 + Length)
            {
                break;
            }
        }

        return found;
    }

    private static List<SnippetPart> Mark(string text, List<(int Start, int End)> matches)
    {
        // Start a little before the first match, at a word boundary, so the reader sees its context.
        var from = matches.Count == 0 ? 0 : Math.Max(0, matches[0].Start - 40);
        if (from > 0)
        {
            var space = text.LastIndexOf(' ', from);
            from = space < 0 ? 0 : space + 1;
        }

        var to = Math.Min(text.Length, from + Length);
        if (to < text.Length && text.IndexOf(' ', to) is var space2 and > 0 && space2 - to < 20)
        {
            to = space2;
        }

        var parts = new List<SnippetPart>();
        if (from > 0)
        {
            parts.Add(new("… ", false));
        }

        var at = from;
        foreach (var (start, end) in matches.Where(m => m.Start >= from && m.End <= to))
        {
            if (start > at)
            {
                parts.Add(new(text[at..start], false));
            }

            parts.Add(new(text[start..end], true));
            at = end;
        }

        if (to > at)
        {
            parts.Add(new(text[at..to], false));
        }

        if (to < text.Length)
        {
            parts.Add(new(" …", false));
        }

        return parts;
    }
}
