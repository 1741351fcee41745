using Sportello.KnowledgeBase.Content;

namespace Sportello.KnowledgeBase.Tests;

public sealed class ContentFolderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "kb-" + Guid.NewGuid().ToString("N"));

    public ContentFolderTests() => Write("categories/spid.md", "---\ntitle: SPID\nslug: spid\norder: 1\n---\nIdentità digitali.");

    private void Write(string path, string text)
    {
        var full = Path.Combine(_root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_demo_content_loads_without_problems()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "recipes", "kb");
        var (categories, articles, problems) = ContentFolder.Load(folder);

        Assert.Empty(problems);
        Assert.True(categories.Count >= 7);
        Assert.True(articles.Count(a => a.Status == Sportello.KnowledgeBase.Domain.ArticleStatus.Published) >= 24);
    }

    [Fact]
    public void Malformed_front_matter_names_the_file_and_line()
    {
        Write("spid/rotta.md", "---\ntitle: Guida\nslug: rotta\ncategory: spid\ntags: [a, b\n---\nTesto.");

        var (_, _, problems) = ContentFolder.Load(_root);

        var problem = Assert.Single(problems);
        Assert.Equal("spid/rotta.md", problem.File);
        Assert.InRange(problem.Line, 5, 6);
    }

    [Fact]
    public void A_repeated_slug_names_both_files_and_the_line_of_the_second()
    {
        Write("spid/uno.md", "---\ntitle: Uno\nslug: stessa\ncategory: spid\n---\nTesto.");
        Write("spid/due.md", "---\ntitle: Due\ncategory: spid\nslug: stessa\n---\nTesto.");

        var (_, _, problems) = ContentFolder.Load(_root);

        var problem = Assert.Single(problems);
        Assert.Equal("spid/uno.md", problem.File);
        Assert.Equal(3, problem.Line);
        Assert.Contains("spid/due.md", problem.Message);
    }

    [Fact]
    public void Unknown_categories_statuses_and_related_guides_are_reported()
    {
        Write("spid/a.md", "---\ntitle: A\nslug: a\ncategory: nessuna\nstatus: pubblicata\nrelated: [manca]\n---\nTesto.");

        var (_, _, problems) = ContentFolder.Load(_root);

        Assert.Contains(problems, p => p.Line == 4 && p.Message.Contains("'nessuna' non esiste"));
        Assert.Contains(problems, p => p.Line == 5 && p.Message.Contains("'pubblicata' non valido"));
        Assert.Contains(problems, p => p.Line == 6 && p.Message.Contains("'manca' non esiste"));
    }

    [Fact]
    public void Inline_content_follows_the_same_rules_and_names_the_item()
    {
        var categories = new List<CategoryFile> { new("$.categories[0]", new CategoryMeta { Slug = "spid", Title = "SPID" }, "") };
        var articles = new List<ArticleFile>
        {
            new("$.articles[0]", new ArticleMeta { Slug = "a", Title = "A", Category = "spid" }, "Testo."),
            new("$.articles[1]", new ArticleMeta { Slug = "a", Title = "B", Category = "pec" }, "Testo."),
        };

        var problems = ContentFolder.Check(categories, articles, (_, _) => 0);

        Assert.Contains(problems, p => p.File == "$.articles[1]" && p.Message.Contains("'pec' non esiste"));
        Assert.Contains(problems, p => p.File == "$.articles[1]" && p.Message.Contains("ripetuto") && p.Message.Contains("$.articles[0]"));
    }
}
