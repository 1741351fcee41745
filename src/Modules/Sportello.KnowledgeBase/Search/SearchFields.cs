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
    public const string CategoryTitle = "category";
    public const string Title = "title";
    public const string Summary = "summary";
    public const string Body = "body";
    public const string Tags = "tags";
    public const string Words = "words";

    /// <summary>Searched fields and their boosts: a match in the title counts most, one in the body least.</summary>
    public static readonly (string Field, float Boost)[] Searched =
        [(Title, 4f), (Tags, 2.5f), (Summary, 2f), (CategoryTitle, 1.5f), (Body, 1f)];

    private static readonly FieldType VocabularyType = new FieldType
    {
        IsIndexed = true,
        IsTokenized = true,
        IsStored = false,
        OmitNorms = true,
        IndexOptions = IndexOptions.DOCS_ONLY,
    }.Freeze();

    public static Document ToDocument(Article article, Category category)
    {
        var body = MarkdownRenderer.ToPlainText(article.Body);
        var tags = string.Join(' ', article.TagList);
        return
        [
            new StringField(Id, article.Id.ToString("N"), Field.Store.YES),
            new StoredField(Slug, article.Slug),
            new StringField(Category, category.Slug, Field.Store.YES),
            new SortedDocValuesField(Category, new BytesRef(category.Slug)),
            new TextField(CategoryTitle, category.Title, Field.Store.NO),
            new TextField(Title, article.Title, Field.Store.YES),
            new TextField(Summary, article.Summary, Field.Store.YES),
            new TextField(Body, body, Field.Store.YES),
            new TextField(Tags, tags, Field.Store.NO),
            new Field(Words, string.Join('\n', article.Title, article.Summary, tags, body), VocabularyType),
        ];
    }
}
