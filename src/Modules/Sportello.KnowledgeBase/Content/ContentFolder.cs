using System.Text.RegularExpressions;
using Sportello.Core.Recipes;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Content;

public sealed class CategoryMeta
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public int Order { get; set; }
    public string? Icon { get; set; }
    public string? Parent { get; set; }
}

public sealed class ArticleMeta
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Category { get; set; }
    public List<string> Tags { get; set; } = [];
    public string? Summary { get; set; }
    public string? Status { get; set; }
    public List<string> Related { get; set; } = [];
}

public sealed record CategoryFile(string File, CategoryMeta Meta, string Description);

public sealed record ArticleFile(string File, ArticleMeta Meta, string Body, int BodyLine = 1)
{
    public ArticleStatus Status => Enum.Parse<ArticleStatus>(Meta.Status ?? "published", ignoreCase: true);
}

/// <summary>
/// Reads a knowledge-base folder: <c>categories/*.md</c> and <c>&lt;category&gt;/*.md</c> guides, each with front
/// matter. Everything is checked before anything is imported; each problem names the file and the line.
/// </summary>
public static partial class ContentFolder
{
    [GeneratedRegex("^[a-z0-9](?:[a-z0-9-]{0,148}[a-z0-9])?$")]
    private static partial Regex SlugPattern();

    /// <summary>Addresses under /help the help centre uses itself, so no category can be called that.</summary>
    public static readonly IReadOnlySet<string> ReservedCategorySlugs = new HashSet<string>(["search", "feedback"], StringComparer.Ordinal);

    /// <summary>Lower-case letters, digits and inner hyphens: what a slug may be, wherever it comes from.</summary>
    public static bool IsSlug(string? value) => value is not null && SlugPattern().IsMatch(value);

    public static (IReadOnlyList<CategoryFile> Categories, IReadOnlyList<ArticleFile> Articles, IReadOnlyList<ContentProblem> Problems) Load(string folder)
    {
        var problems = new List<ContentProblem>();
        var categories = new List<CategoryFile>();
        var articles = new List<ArticleFile>();
        var categoryFolder = Path.Combine(folder, "categories");
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var path in Files(categoryFolder))
        {
            var file = Relative(folder, path);
            var text = texts[file] = File.ReadAllText(path);
            var (meta, body, _, problem) = FrontMatter.Parse<CategoryMeta>(text, file);
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }

            categories.Add(new CategoryFile(file, meta!, body.Trim()));
        }

        foreach (var path in Directory.Exists(folder) ? Directory.GetDirectories(folder).Where(d => d != categoryFolder).SelectMany(Files) : [])
        {
            var file = Relative(folder, path);
            var text = texts[file] = File.ReadAllText(path);
            var (meta, body, bodyLine, problem) = FrontMatter.Parse<ArticleMeta>(text, file);
            if (problem is not null)
            {
                problems.Add(problem);
                continue;
            }

            var skipped = body.Length - body.TrimStart().Length;
            articles.Add(new ArticleFile(file, meta!, body.Trim(), bodyLine + body[..skipped].Count(c => c == '\n')));
        }

        problems.AddRange(Check(categories, articles, (file, key) => texts.TryGetValue(file, out var text) ? FrontMatter.LineOf(text, key) : 1));
        return (categories, articles, problems);
    }

    /// <summary>
    /// The rules every import follows, whether the content comes from files or inline in a recipe:
    /// <paramref name="lineOf"/> tells on which line of an item a key is written.
    /// </summary>
    public static IReadOnlyList<ContentProblem> Check(
        IReadOnlyList<CategoryFile> categories, IReadOnlyList<ArticleFile> articles, Func<string, string, int> lineOf)
    {
        var problems = new List<ContentProblem>();
        foreach (var category in categories)
        {
            problems.AddRange(Required(category.File, lineOf, ("title", category.Meta.Title), ("slug", category.Meta.Slug)));
            problems.AddRange(Slug(category.File, lineOf, category.Meta.Slug));
            if (category.Meta.Slug is { } reserved && ReservedCategorySlugs.Contains(reserved))
            {
                problems.Add(new(category.File, lineOf(category.File, "slug"), $"Lo slug '{reserved}' è riservato al centro assistenza: scegline un altro."));
            }
        }

        Duplicates(categories.Select(c => (c.File, c.Meta.Slug)), lineOf, "categoria", problems);
        var categorySlugs = categories.Select(c => c.Meta.Slug).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var category in categories.Where(c => !string.IsNullOrEmpty(c.Meta.Parent) && !categorySlugs.Contains(c.Meta.Parent!)))
        {
            problems.Add(new(category.File, lineOf(category.File, "parent"), $"La categoria madre '{category.Meta.Parent}' non esiste."));
        }

        foreach (var article in articles)
        {
            var (file, meta) = (article.File, article.Meta);
            problems.AddRange(Required(file, lineOf, ("title", meta.Title), ("slug", meta.Slug), ("category", meta.Category)));
            problems.AddRange(Slug(file, lineOf, meta.Slug));
            if (meta.Category is not null && !categorySlugs.Contains(meta.Category))
            {
                problems.Add(new(file, lineOf(file, "category"), $"La categoria '{meta.Category}' non esiste (categorie: {string.Join(", ", categorySlugs.Order())})."));
            }

            if (meta.Status is not null && !Enum.TryParse<ArticleStatus>(meta.Status, ignoreCase: true, out _))
            {
                problems.Add(new(file, lineOf(file, "status"), $"Stato '{meta.Status}' non valido: usa draft, published o archived."));
            }

            if ((meta.Title?.Length ?? 0) > Article.MaxTitle || (meta.Summary?.Length ?? 0) > Article.MaxSummary)
            {
                problems.Add(new(file, lineOf(file, "title"), $"Titolo (massimo {Article.MaxTitle} caratteri) o sommario (massimo {Article.MaxSummary}) troppo lunghi."));
            }

            if (MarkdownRenderer.Check(article.Body) is { } body)
            {
                problems.Add(new(file, article.BodyLine + body.Line - 1, char.ToUpperInvariant(body.Message[0]) + body.Message[1..]));
            }
        }

        Duplicates(articles.Select(a => (a.File, a.Meta.Slug)), lineOf, "guida", problems);
        var articleSlugs = articles.Select(a => a.Meta.Slug).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var article in articles)
        {
            foreach (var related in article.Meta.Related.Where(r => !articleSlugs.Contains(r)))
            {
                problems.Add(new(article.File, lineOf(article.File, "related"), $"La guida correlata '{related}' non esiste."));
            }
        }

        return problems;
    }

    private static IEnumerable<ContentProblem> Slug(string file, Func<string, string, int> lineOf, string? slug) =>
        slug is not null && !SlugPattern().IsMatch(slug)
            ? [new ContentProblem(file, lineOf(file, "slug"), $"Slug '{slug}' non valido: solo lettere minuscole, cifre e trattini.")]
            : [];

    private static IEnumerable<ContentProblem> Required(string file, Func<string, string, int> lineOf, params (string Key, string? Value)[] fields) =>
        fields.Where(f => string.IsNullOrWhiteSpace(f.Value))
            .Select(f => new ContentProblem(file, lineOf(file, f.Key), $"Manca \"{f.Key}\" nell'intestazione."));

    private static void Duplicates(IEnumerable<(string File, string? Slug)> items, Func<string, string, int> lineOf, string what, List<ContentProblem> problems)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, slug) in items.Where(i => i.Slug is not null))
        {
            if (!seen.TryAdd(slug!, file))
            {
                problems.Add(new(file, lineOf(file, "slug"), $"Slug '{slug}' ripetuto: lo usa già la {what} in {seen[slug!]}."));
            }
        }
    }

    // Symbolic links are not followed: a recipe's folder holds its content, nothing it could point elsewhere.
    private static IEnumerable<string> Files(string folder) =>
        Directory.Exists(folder) && !RecipeFolders.IsLink(folder)
            ? Directory.GetFiles(folder, "*.md").Where(f => !RecipeFolders.IsLink(f)).Order(StringComparer.Ordinal)
            : [];

    private static string Relative(string root, string path) => Path.GetRelativePath(root, path).Replace('\\', '/');
}
