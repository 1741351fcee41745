namespace Sportello.KnowledgeBase.Content;

/// <summary>
/// What a guide's Markdown may be, checked before Markdig sees it: Markdig refuses deep nesting only after parsing
/// it (a 2,000-level list costs half a minute), and a thousand "&gt;" make it throw. These bounds leave ample room
/// for any real guide.
/// </summary>
public static class GuideText
{
    public const int MaxLength = 100_000;

    /// <summary>Block quotes and list markers opening one line.</summary>
    public const int MaxMarkers = 10;

    /// <summary>Columns of indentation, outside fenced code.</summary>
    public const int MaxIndent = 40;

    /// <summary>The first line that breaks a bound, and why; null when the text keeps to them.</summary>
    public static GuideProblem? Check(string text)
    {
        if (text.Length > MaxLength)
        {
            return new(1, string.Create(System.Globalization.CultureInfo.GetCultureInfo("it-IT"), $"la guida è troppo lunga: {text.Length:N0} caratteri, al massimo {MaxLength:N0}."));
        }

        var fence = (string?)null;
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var trimmed = line.TrimStart();
            if (fence is not null)
            {
                fence = trimmed.StartsWith(fence, StringComparison.Ordinal) ? null : fence;
                continue;
            }

            if (trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal))
            {
                fence = trimmed[..3];
                continue;
            }

            if (Indent(line) > MaxIndent)
            {
                return new(i + 1, $"il testo è rientrato di più di {MaxIndent} spazi: gli elenchi possono avere al massimo una decina di livelli.");
            }

            if (Markers(line) > MaxMarkers)
            {
                return new(i + 1, $"citazioni («>») ed elenchi sono annidati più di {MaxMarkers} volte.");
            }
        }

        return null;
    }

    private static int Indent(string line)
    {
        var columns = 0;
        foreach (var c in line)
        {
            if (c == ' ')
            {
                columns++;
            }
            else if (c == '\t')
            {
                columns += 4;
            }
            else
            {
                break;
            }
        }

        return columns;
    }

    // Counts the container markers a line opens with: "> ", "- ", "* ", "+ ", "1. ", "1) ", in any mix.
    private static int Markers(string line)
    {
        var markers = 0;
        var i = 0;
        while (i < line.Length)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }

            if (i < line.Length && line[i] == '>')
            {
                markers++;
                i++;
                continue;
            }

            var start = i;
            while (i < line.Length && char.IsAsciiDigit(line[i]))
            {
                i++;
            }

            var listMarker = i > start ? i < line.Length && line[i] is '.' or ')' : i < line.Length && line[i] is '-' or '*' or '+';
            if (!listMarker || i + 1 < line.Length && line[i + 1] is not (' ' or '\t'))
            {
                break;
            }

            markers++;
            i++;
        }

        return markers;
    }
}
