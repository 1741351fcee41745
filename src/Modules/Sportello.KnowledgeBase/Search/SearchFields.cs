using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Util;
using Sportello.KnowledgeBase.Content;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Search;

/// <summary>The fields of a guide in the index, their weight in ranking, and how a guide becomes a document.</summary>
public static class SearchFields
{
    public const string Id = "id";
    public const string Slug = "slug";
    public const string Category = "cat";
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string Tags = "tags";
    public const string Words = "words";

    /// <summary>Everything a reader may search for in one field: title, summary, tags, category and body.</summary>
    public const string All = "all";

    /// <summary>
    /// Searched fields and their boosts: a match in the title counts most. <see cref="All"/> also holds the body and
    /// the category, so a word costs four term lookups and typo tolerance one fuzzy query, whatever the fields.
    /// </summary>
    public static readonly (string Field, float Boost)[] Searched =
        [(Title, 4f), (Tags, 2.5f), (Summary, 2f), (All, 1f)];

    /// <summary>Changes when the fields change: an index built with another schema is rebuilt.</summary>
    public const string Schema = "2";

    private static readonly FieldType VocabularyType = new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IsStored = false,
        OmitNorms = true,
        IndexOptions = IndexOptions.DOCS_ONLY,
    }.Freeze();

    /// <summary>The guide as a document, with the tenant's values filled in; or why its body cannot be read.</summary>
    public static (Document? Document, GuideProblem? Problem) ToDocument(Article article, Category category, IReadOnlyDictionary<string, object?> variables)
    {
        var (body, problem) = MarkdownRenderer.ToPlainText(article.Body, variables);
        if (body is null)
        {
            return (null, problem);
        }

        var tags = string.Join(' ', article.TagList);
        return (
        [
            new StringField(Id, article.Id.ToString("N"), Field.Store.YES),
            new StoredField(Slug, article.Slug),
            new StringField(Category, category.Slug, Field.Store.YES),
            new SortedDocValuesField(Category, new BytesRef(category.Slug)),
            new TextField(Title, article.Title, Field.Store.YES),
            new TextField(Summary, article.Summary, Field.Store.YES),
            new StoredField(Body, body),
            new TextField(Tags, tags, Field.Store.NO),
            new TextField(All, string.Join('\n', article.Title, article.Summary, tags, category.Title, body), Field.Store.NO),
            new Field(Words, string.Join('\n', article.Title, article.Summary, tags, body), VocabularyType),
        ], null);
    }
}
