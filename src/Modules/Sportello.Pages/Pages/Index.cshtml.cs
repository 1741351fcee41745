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
    public string Headline { get; private set; } = string.Empty;
    public string Intro { get; private set; } = string.Empty;
    public PagesSettings Settings { get; private set; } = new();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var home = await db.Home.AsNoTracking().SingleOrDefaultAsync(h => h.Id == HomeContent.SingletonId, ct);
        Headline = home?.Headline ?? $"Benvenuto su {Tenant.DisplayName}";
        Intro = home?.Intro ?? string.Empty;
        Settings = tenantContext.GetModuleSettings<PagesSettings>(PagesModule.ModuleId);
    }
}
