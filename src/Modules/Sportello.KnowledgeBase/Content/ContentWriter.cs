using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Domain;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Sportello.KnowledgeBase.Content;

/// <summary>
/// Writes a tenant's help centre in the format the <c>knowledge-base</c> step reads (<see cref="ContentFolder"/>):
/// a zip with <c>kb/categories/*.md</c>, <c>kb/&lt;category&gt;/*.md</c> and a recipe that imports them.
/// </summary>
public static class ContentWriter
{
    public const string RecipeFile = "knowledge-base.recipe.json";

    private static readonly ISerializer Yaml = new SerializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull | DefaultValuesHandling.OmitEmptyCollections)
        .Build();

    public static async Task WriteZipAsync(KnowledgeBaseDbContext db, Stream output, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Slug).ToListAsync(ct);
        var articles = await db.Articles.AsNoTracking().OrderBy(a => a.Slug).ToListAsync(ct);
        var slugs = categories.ToDictionary(c => c.Id, c => c.Slug);

        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var category in categories)
        {
            var meta = new CategoryMeta
            {
                Title = category.Title,
                Slug = category.Slug,
                Order = category.Order,
                Icon = category.Icon,
                Parent = category.ParentId is { } parent ? slugs.GetValueOrDefault(parent) : null,
            };
            await AddAsync(zip, $"kb/categories/{category.Slug}.md", Document(meta, category.Description), ct);
        }

        foreach (var article in articles)
        {
            var meta = new ArticleMeta
            {
                Title = article.Title,
                Slug = article.Slug,
                Category = slugs[article.CategoryId],
                Tags = [.. article.TagList],
                Summary = article.Summary,
                Status = article.Status.ToString().ToLowerInvariant(),
                Related = [.. article.RelatedSlugs],
            };
            await AddAsync(zip, $"kb/{meta.Category}/{article.Slug}.md", Document(meta, article.Body), ct);
        }

        await AddAsync(zip, RecipeFile, """
            {
              "name": "knowledge-base",
              "description": "Guide del centro assistenza esportate da Sportello.",
              "steps": [ { "step": "knowledge-base", "folder": "kb" } ]
            }

            """, ct);
    }

    private static string Document(object meta, string body) => $"---\n{Yaml.Serialize(meta)}---\n{body.Trim()}\n";

    private static async Task AddAsync(ZipArchive zip, string name, string text, CancellationToken ct)
    {
        await using var stream = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        await stream.WriteAsync(Encoding.UTF8.GetBytes(text), ct);
    }
}
