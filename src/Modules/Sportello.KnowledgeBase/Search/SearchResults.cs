namespace Sportello.KnowledgeBase.Search;

/// <summary>A piece of a snippet; <see cref="Match"/> parts are the words the reader searched for.</summary>
public readonly record struct SnippetPart(string Text, bool Match);

public sealed record SearchHit(string Title, string Slug, string CategorySlug, IReadOnlyList<SnippetPart> Snippet);

public sealed record CategoryFacet(string Slug, int Count);

public enum SearchOutcome
{
    /// <summary>The query was searched (possibly finding nothing).</summary>
    Searched,

    /// <summary>Nothing to search for: no words, or only words too common to mean anything.</summary>
    Empty,

    /// <summary>Longer than <see cref="HelpSearch.MaxQueryLength"/>: almost always a pasted text, not a question.</summary>
    TooLong,
}

/// <summary>One page of results, the matches per category (regardless of the category chosen) and a spelling suggestion.</summary>
public sealed record SearchResults(
    SearchOutcome Outcome,
    IReadOnlyList<SearchHit> Hits,
    int Total,
    IReadOnlyList<CategoryFacet> Facets,
    string? Suggestion,
    bool FromDatabase)
{
    public static SearchResults Nothing(SearchOutcome outcome) => new(outcome, [], 0, [], null, false);
}
