using Microsoft.EntityFrameworkCore;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.KnowledgeBase.Content;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Search;

namespace Sportello.KnowledgeBase.Domain;

/// <summary>What an editor submits for a category.</summary>
public sealed record CategoryDraft(string Title, string Slug, string Description, string Icon, int? ParentId, int Order);

/// <summary>Creates, changes and removes categories; a renamed category re-indexes its guides, since search shows its title.</summary>
public sealed class CategoryEditor(KnowledgeBaseDbContext db, IndexQueue queue, TenantPageCache pages, TenantContext tenant)
{
    public async Task<IReadOnlyList<ValidationProblem>> SaveAsync(int? id, CategoryDraft draft, CancellationToken ct)
    {
        var category = id is null ? null : await db.Categories.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (id is not null && category is null)
        {
            return [new("Id", "La categoria non esiste più.")];
        }

        var problems = new List<ValidationProblem>();
        var slug = draft.Slug?.Trim() ?? string.Empty;
        if (string.IsNullOrWhiteSpace(draft.Title) || draft.Title.Trim().Length > 200)
        {
            problems.Add(new("Title", "Scrivi un titolo (al massimo 200 caratteri)."));
        }

        if (!ContentFolder.IsSlug(slug) || slug.Length > 100)
        {
            problems.Add(new("Slug", "Lo slug può contenere solo lettere minuscole, cifre e trattini (al massimo 100)."));
        }
        else if (ContentFolder.ReservedCategorySlugs.Contains(slug))
        {
            problems.Add(new("Slug", $"Lo slug '{slug}' è riservato al centro assistenza: scegline un altro."));
        }
        else if (await db.Categories.AnyAsync(c => c.Slug == slug && (category == null || c.Id != category.Id), ct))
        {
            problems.Add(new("Slug", $"Lo slug '{slug}' è già usato da un'altra categoria."));
        }

        if ((draft.Description?.Length ?? 0) > 1000)
        {
            problems.Add(new("Description", "La descrizione può avere al massimo 1000 caratteri."));
        }

        if (draft.ParentId is { } parentId)
        {
            var parent = await db.Categories.AsNoTracking().SingleOrDefaultAsync(c => c.Id == parentId, ct);
            if (parent is null || parentId == id)
            {
                problems.Add(new("ParentId", "Scegli come categoria madre un'altra categoria esistente."));
            }
            else if (parent.ParentId is not null || (id is not null && await db.Categories.AnyAsync(c => c.ParentId == id, ct)))
            {
                // One level of children keeps the help centre's navigation readable.
                problems.Add(new("ParentId", "Le categorie hanno al massimo un livello di sottocategorie."));
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        if (category is null)
        {
            category = new Category { Slug = slug, Title = string.Empty };
            db.Categories.Add(category);
        }

        var retitled = category.Id != 0 && (category.Title != draft.Title.Trim() || category.Slug != slug);
        category.Title = draft.Title.Trim();
        category.Slug = slug;
        category.Description = draft.Description?.Trim() ?? string.Empty;
        category.Icon = string.IsNullOrWhiteSpace(draft.Icon) ? "help" : draft.Icon.Trim();
        category.ParentId = draft.ParentId;
        category.Order = draft.Order;
        if (retitled)
        {
            foreach (var articleId in await db.Articles.Where(a => a.CategoryId == category.Id).Select(a => a.Id).ToListAsync(ct))
            {
                queue.Add(db, articleId);
            }
        }

        await db.SaveChangesAsync(ct);
        queue.Wake(tenant.Name);
        await pages.EvictAsync(tenant.Name, ct);
        return [];
    }

    public async Task<IReadOnlyList<ValidationProblem>> DeleteAsync(int id, CancellationToken ct)
    {
        var category = await db.Categories.SingleOrDefaultAsync(c => c.Id == id, ct);
        if (category is null)
        {
            return [];
        }

        if (await db.Articles.AnyAsync(a => a.CategoryId == id, ct) || await db.Categories.AnyAsync(c => c.ParentId == id, ct))
        {
            return [new("Id", $"La categoria '{category.Title}' contiene guide o sottocategorie: spostale prima di eliminarla.")];
        }

        db.Categories.Remove(category);
        await db.SaveChangesAsync(ct);
        await pages.EvictAsync(tenant.Name, ct);
        return [];
    }
}
