using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Recipes;
using Sportello.Pages.Data;
using Sportello.Pages.Domain;

namespace Sportello.Pages.Recipes;

/// <summary>Exports the home page's welcome text as a "pages" step.</summary>
public sealed class HomeExport(PagesDbContext db) : ITenantExportContributor
{
    public string ModuleId => PagesModule.ModuleId;

    public async Task<IReadOnlyList<JsonObject>> ExportAsync(TenantExport export, CancellationToken ct)
    {
        var home = await db.Home.AsNoTracking().SingleOrDefaultAsync(h => h.Id == HomeContent.SingletonId, ct);
        return home is null
            ? []
            : [TenantRecipeExporter.Step("pages", new JsonObject { ["home"] = new JsonObject { ["headline"] = home.Headline, ["intro"] = home.Intro } })];
    }
}
