using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Recipes;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.KnowledgeBase.Content;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Domain;
using Sportello.KnowledgeBase.Search;

namespace Sportello.KnowledgeBase.Recipes;

public sealed record KnowledgeBaseStepModel
{
    /// <summary>Folder of categories and guides, relative to the recipe file (for example "kb").</summary>
    public string? Folder { get; init; }

    /// <summary>Or the content itself, as an exported tenant carries it.</summary>
    public IReadOnlyList<InlineCategory>? Categories { get; init; }

    public IReadOnlyList<InlineArticle>? Articles { get; init; }
}

public sealed record InlineCategory
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public string Description { get; init; } = string.Empty;
    public string? Icon { get; init; }
    public string? Parent { get; init; }
    public int Order { get; init; }
}

public sealed record InlineArticle
{
    public required string Slug { get; init; }
    public required string Title { get; init; }
    public required string Category { get; init; }
    public string Summary { get; init; } = string.Empty;
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string Status { get; init; } = "published";
    public IReadOnlyList<string> Related { get; init; } = [];
    public string Body { get; init; } = string.Empty;
}

/// <summary>
/// "knowledge-base": imports categories and guides from Markdown files with front matter. Every file is checked
/// before anything is written; running it again updates only the guides whose content changed (each update is
/// a new revision) and leaves the others, and their dates, alone.
/// </summary>
public sealed class KnowledgeBaseStep(TimeProvider time) : RecipeStep<KnowledgeBaseStepModel>
{
    public override string Name => "knowledge-base";
    public override string ModuleId => KnowledgeBaseModule.ModuleId;

    /// <summary>Who wrote the guides a recipe brings, as revisions and the editor show it.</summary>
    internal const string ImportAuthor = "Importazione iniziale";

    protected override IEnumerable<ValidationProblem> Validate(KnowledgeBaseStepModel step, RecipePlan plan)
    {
        if (step.Folder is null == (step.Categories is null && step.Articles is null))
        {
            return [new("$.folder", "Indica una cartella (\"folder\") oppure il contenuto (\"categories\" e \"articles\"), non entrambi.")];
        }

        if (step.Folder is not null && RecipeFolders.Resolve(plan.BaseDirectory, step.Folder).Problem is { } folderProblem)
        {
            return [new("$.folder", folderProblem)];
        }

        var (_, _, problems) = Content(step, plan.BaseDirectory);
        return problems.Select(p => new ValidationProblem(p.File.StartsWith('$') ? p.File : "$.folder", p.Line > 0 ? p.ToString() : p.Message));
    }

    /// <summary>The step's categories and guides, from the folder or inline, checked by the same rules.</summary>
    private (IReadOnlyList<CategoryFile>, IReadOnlyList<ArticleFile>, IReadOnlyList<ContentProblem>) Content(KnowledgeBaseStepModel step, string? baseDirectory)
    {
        if (step.Folder is not null)
        {
            return ContentFolder.Load(RecipeFolders.Resolve(baseDirectory, step.Folder).Path!);
        }

        var categories = (step.Categories ?? []).Select((c, i) => new CategoryFile($"$.categories[{i}]",
            new CategoryMeta { Slug = c.Slug, Title = c.Title, Icon = c.Icon, Parent = c.Parent, Order = c.Order }, c.Description)).ToList();
        var articles = (step.Articles ?? []).Select((a, i) => new ArticleFile($"$.articles[{i}]",
            new ArticleMeta { Slug = a.Slug, Title = a.Title, Category = a.Category, Summary = a.Summary, Tags = [.. a.Tags], Status = a.Status, Related = [.. a.Related] },
            a.Body)).ToList();
        return (categories, articles, ContentFolder.Check(categories, articles, (_, _) => 0));
    }

    protected override async Task ExecuteAsync(KnowledgeBaseStepModel step, RecipeStepContext context, CancellationToken ct)
    {
        var (categories, articles, _) = Content(step, context.Recipe.BaseDirectory);
        var db = context.Services.GetRequiredService<KnowledgeBaseDbContext>();
        var now = time.GetUtcNow().UtcDateTime;

        var existingCategories = await db.Categories.ToDictionaryAsync(c => c.Slug, StringComparer.Ordinal, ct);
        foreach (var file in categories)
        {
            if (!existingCategories.TryGetValue(file.Meta.Slug!, out var category))
            {
                category = new Category { Slug = file.Meta.Slug!, Title = file.Meta.Title! };
                db.Categories.Add(category);
                existingCategories[category.Slug] = category;
            }

            category.Title = file.Meta.Title!;
            category.Description = file.Description;
            category.Icon = string.IsNullOrWhiteSpace(file.Meta.Icon) ? "help" : file.Meta.Icon;
            category.Order = file.Meta.Order;
        }

        await db.SaveChangesAsync(ct);
        foreach (var file in categories)
        {
            existingCategories[file.Meta.Slug!].ParentId = string.IsNullOrEmpty(file.Meta.Parent) ? null : existingCategories[file.Meta.Parent].Id;
        }

        var queue = context.Services.GetRequiredService<IndexQueue>();
        var existingArticles = await db.Articles.ToDictionaryAsync(a => a.Slug, StringComparer.Ordinal, ct);
        foreach (var file in articles)
        {
            var incoming = new Article
            {
                Slug = file.Meta.Slug!,
                Title = file.Meta.Title!.Trim(),
                Summary = file.Meta.Summary?.Trim() ?? string.Empty,
                Body = file.Body,
                CategoryId = existingCategories[file.Meta.Category!].Id,
                Tags = string.Join(",", file.Meta.Tags.Select(t => t.Trim().ToLowerInvariant())),
                Related = string.Join(",", file.Meta.Related),
                Status = file.Status,
            };
            if (!existingArticles.TryGetValue(incoming.Slug, out var article))
            {
                article = incoming;
                article.Id = Guid.CreateVersion7();
                article.Author = ImportAuthor;
                article.CreatedUtc = now;
                db.Articles.Add(article);
            }
            else if (SameContent(article, incoming))
            {
                continue;
            }
            else
            {
                article.Title = incoming.Title;
                article.Summary = incoming.Summary;
                article.Body = incoming.Body;
                article.CategoryId = incoming.CategoryId;
                article.Tags = incoming.Tags;
                article.Related = incoming.Related;
                article.Status = incoming.Status;
            }

            article.Revision++;
            article.UpdatedUtc = now;
            if (article.Status == ArticleStatus.Published)
            {
                article.PublishedUtc ??= now;
            }

            queue.Add(db, article.Id);
            db.Revisions.Add(ArticleRevision.Of(article, ImportAuthor, now));
        }

        await db.SaveChangesAsync(ct);
        queue.Wake(context.TenantName);
        await context.Services.GetRequiredService<TenantPageCache>().EvictAsync(context.TenantName, ct);
    }

    private static bool SameContent(Article a, Article b) =>
        a.Title == b.Title && a.Summary == b.Summary && a.Body == b.Body && a.CategoryId == b.CategoryId
        && a.Tags == b.Tags && a.Related == b.Related && a.Status == b.Status;
}
