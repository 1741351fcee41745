using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Tenancy;
using Sportello.Pages.Data;
using Sportello.Pages.Domain;

namespace Sportello.Pages.Pages;

[OutputCache(PolicyName = TenantOutputCachePolicy.Name)]
public sealed class IndexModel(TenantContext tenantContext, PagesDbContext db) : PageModel
{
    public Tenant Tenant => tenantContext.Tenant;
    /// <summary>The tenant's own headline; null until it writes one (the page then greets with the tenant's name).</summary>
    public string? Headline { get; private set; }
    public string Intro { get; private set; } = string.Empty;
    public PagesSettings Settings { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var home = await db.Home.AsNoTracking().SingleOrDefaultAsync(h => h.Id == HomeContent.SingletonId, ct);
        Headline = home?.Headline;
        Intro = home?.Intro ?? string.Empty;
        Settings = tenantContext.GetModuleSettings<PagesSettings>(PagesModule.ModuleId);
    }
}
