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

    public static Analyzer Language(string name) => name == "english" ? new EnglishAnalyzer(Version) : new ItalianAnalyzer(Version);

    private static readonly Analyzer SharedItalian = new ItalianAnalyzer(Version);
    private static readonly Analyzer SharedEnglish = new EnglishAnalyzer(Version);

    /// <summary>A shared language analyzer for analysing queries outside an index.</summary>
    public static Analyzer SharedLanguage(string name) => name == "english" ? SharedEnglish : SharedItalian;

    /// <summary>Per field: <see cref="SearchFields.Words"/> gets the vocabulary analyzer, everything else the language's.</summary>
    public static Analyzer ForIndex(string name) =>
        new PerFieldAnalyzerWrapper(Language(name), new Dictionary<string, Analyzer> { [SearchFields.Words] = new VocabularyAnalyzer() });

    /// <summary>Shared: analyzers are thread-safe and hold per-thread state, so one instance serves every query.</summary>
    public static readonly Analyzer Vocabulary = new VocabularyAnalyzer();

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
