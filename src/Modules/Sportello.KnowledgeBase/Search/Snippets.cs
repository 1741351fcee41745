namespace Sportello.KnowledgeBase.Search;

/// <summary>
/// Picks the passage of a guide around the first searched words and marks them. Parts are plain text, so the page
/// encodes them like any other text: a guide or a query cannot smuggle markup into the results.
/// </summary>
internal static class Snippets
{
    public const int Length = 220;

    /// <summary>Beyond this the passage would rarely be the best one, and scanning costs time on every result.</summary>
    private const int ScanLimit = 6000;

    /// <summary>How much longer than its stem a word may be and still count as that word ("rinnov" → "rinnovare").</summary>
    private const int SuffixLength = 4;

    /// <summary>
    /// <paramref name="stems"/> are the index terms the query matched. The languages' stemmers cut endings, so a word
    /// of the text is a match when it starts with a stem: a scan of the text instead of running the analyzer again
    /// on every result, which would cost more than the search itself.
    /// </summary>
    public static IReadOnlyList<SnippetPart> Build(string body, string summary, IReadOnlyCollection<string> stems)
    {
        var inBody = Matches(body, stems);
        if (inBody.Count > 0)
        {
            return Mark(body, inBody);
        }

        var inSummary = Matches(summary, stems);
        var text = summary.Length > 0 ? summary : body;
        return inSummary.Count > 0 ? Mark(summary, inSummary) : Mark(text, []);
    }

    private static List<(int Start, int End)> Matches(string text, IReadOnlyCollection<string> stems)
    {
        var found = new List<(int, int)>();
        var limit = Math.Min(text.Length, ScanLimit);
        var at = 0;
        while (at < limit && stems.Count > 0)
        {
            while (at < limit && !char.IsLetterOrDigit(text[at]))
            {
                at++;
            }

            var start = at;
            while (at < limit && char.IsLetterOrDigit(text[at]))
            {
                at++;
            }

            if (at > start && IsMatch(text, start, at - start, stems))
            {
                found.Add((start, at));
            }

            // Enough to fill a passage starting at the first match.
            if (found.Count > 0 && at > found[0].Item1 + Length)
            {
                break;
            }
        }

        return found;
    }

    private static bool IsMatch(string text, int start, int length, IReadOnlyCollection<string> stems)
    {
        foreach (var stem in stems)
        {
            if (length >= stem.Length && length <= stem.Length + SuffixLength
                && string.Compare(text, start, stem, 0, stem.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return true;
            }
        }

        return false;
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
