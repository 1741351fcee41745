using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.It;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Sportello.KnowledgeBase.Search;

/// <summary>
/// The analyzers of a tenant's index: the language's own (stemming, elision, stop words) for the searchable fields,
/// and a plain one, lower-case words as written, for the vocabulary behind "did you mean".
/// </summary>
public static class SearchAnalyzers
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The language analyzer's name for a culture; stored with the index so a change of language rebuilds it.</summary>
    public static string NameFor(CultureInfo culture) => culture.TwoLetterISOLanguageName == "en" ? "english" : "italian";

    // Shared: analyzers are thread-safe and keep their per-thread state themselves, so one instance of each serves
    // every index and every query of the node.
    private static readonly Analyzer Italian = new ItalianAnalyzer(Version);
    private static readonly Analyzer English = new EnglishAnalyzer(Version);

    public static readonly Analyzer Vocabulary = new VocabularyAnalyzer();

    private static readonly Analyzer ItalianIndex = PerField(Italian);
    private static readonly Analyzer EnglishIndex = PerField(English);

    /// <summary>The language analyzer by the name <see cref="NameFor"/> gives.</summary>
    public static Analyzer Language(string name) => name == "english" ? English : Italian;

    /// <summary>Per field: <see cref="SearchFields.Words"/> gets the vocabulary analyzer, everything else the language's.</summary>
    public static Analyzer ForIndex(string name) => name == "english" ? EnglishIndex : ItalianIndex;

    private static Analyzer PerField(Analyzer language) =>
        new PerFieldAnalyzerWrapper(language, new Dictionary<string, Analyzer> { [SearchFields.Words] = Vocabulary });

    /// <summary>Lower-case words without elided articles ("dell'abbonamento" → "abbonamento"), not stemmed.</summary>
    public sealed class VocabularyAnalyzer : Analyzer
    {
        // The articles Italian elides before a vowel, as in ItalianAnalyzer; harmless in English text.
        private static readonly CharArraySet Articles = new(Version,
            ["c", "l", "all", "dall", "dell", "nell", "sull", "coll", "pell", "gl", "agl", "dagl", "degl", "negl", "sugl", "un", "m", "t", "s", "v", "d"], true);

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new LowerCaseFilter(Version, source);
            stream = new ElisionFilter(stream, Articles);
            return new TokenStreamComponents(source, stream);
        }
    }
}
