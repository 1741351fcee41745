using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Sportello.KnowledgeBase.Search;

/// <summary>
/// Runs text through an analyzer. Queries are never parsed as Lucene syntax: quotes, stars, colons, brackets and
/// AND are just characters of the text, and the analyzer keeps only the words.
/// </summary>
internal static partial class QueryText
{
    [System.Text.RegularExpressions.GeneratedRegex(@"[:""*?~^()\[\]{}<>/\\|+!=&]")]
    private static partial System.Text.RegularExpressions.Regex Syntax();

    /// <summary>The reader's text with query-syntax and markup characters turned into spaces: "title:rinnovo" is two words.</summary>
    public static string WithoutSyntax(string text) => Syntax().Replace(text, " ");

    public static List<string> Terms(Analyzer analyzer, string field, string text)
    {
        var terms = new List<string>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }
}
