using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sportello.Core;
using Sportello.Core.Recipes;
using Sportello.KnowledgeBase.Data;

namespace Sportello.KnowledgeBase.Recipes;

/// <summary>Exports every category and guide (drafts and archived ones too) inline, as a "knowledge-base" step.</summary>
public sealed class KnowledgeBaseExport(KnowledgeBaseDbContext db) : ITenantExportContributor
{
    public string ModuleId => KnowledgeBaseModule.ModuleId;

    public async Task<IReadOnlyList<JsonObject>> ExportAsync(TenantExport export, CancellationToken ct)
    {
        var categories = await db.Categories.AsNoTracking().OrderBy(c => c.Order).ThenBy(c => c.Slug).ToListAsync(ct);
        if (categories.Count == 0)
        {
            return [];
        }

        var slugs = categories.ToDictionary(c => c.Id, c => c.Slug);
        var articles = await db.Articles.AsNoTracking().OrderBy(a => a.Slug).ToListAsync(ct);
        var step = new KnowledgeBaseStepModel
        {
            Categories = categories.Select(c => new InlineCategory
            {
                Slug = c.Slug,
                Title = c.Title,
                Description = c.Description,
                Icon = c.Icon,
                Parent = c.ParentId is { } parent ? slugs[parent] : null,
                Order = c.Order,
            }).ToList(),
            Articles = articles.Select(a => new InlineArticle
            {
                Slug = a.Slug,
                Title = a.Title,
                Category = slugs[a.CategoryId],
                Summary = a.Summary,
                Tags = a.TagList,
                Status = a.Status.ToString().ToLowerInvariant(),
                Related = a.RelatedSlugs,
                Body = a.Body,
            }).ToList(),
        };
        var body = JsonSerializer.SerializeToNode(step, SportelloJson.Options)!.AsObject();
        body.Remove("folder");
        return [TenantRecipeExporter.Step("knowledge-base", body)];
    }
}
