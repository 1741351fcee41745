using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Jobs;
using Sportello.KnowledgeBase.Data;

namespace Sportello.KnowledgeBase.Domain;

/// <summary>
/// Counts guide views in memory and adds them to the database in batches: a view must not cost a write, and most
/// views are served from the page cache without touching the database at all.
/// </summary>
public sealed class ArticleViews(TenantJobRunner runner)
{
    private ConcurrentDictionary<(string Tenant, string Slug), long> _pending = new();

    public void Count(string tenant, string slug) => _pending.AddOrUpdate((tenant, slug), 1, (_, n) => n + 1);

    /// <summary>Adds what this node counted since the last flush to each guide's total.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var counted = Interlocked.Exchange(ref _pending, new());
        if (counted.IsEmpty)
        {
            return;
        }

        var byTenant = counted.GroupBy(c => c.Key.Tenant).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        var tenants = runner.Eligible(KnowledgeBaseModule.ModuleId).Where(t => byTenant.ContainsKey(t.Name)).ToList();
        await runner.ForEachTenantAsync(KnowledgeBaseModule.ModuleId, async (services, tenant, token) =>
        {
            var db = services.GetRequiredService<KnowledgeBaseDbContext>();
            foreach (var ((_, slug), views) in byTenant[tenant.Name])
            {
                await db.Articles.Where(a => a.Slug == slug).ExecuteUpdateAsync(s => s.SetProperty(a => a.Views, a => a.Views + views), token);
            }
        }, ct, tenants);
    }
}
