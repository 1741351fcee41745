using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Sportello.Testing;

/// <summary>
/// Every Razor page of every module, from the routing table, as an address of a tenant: the sweeps that post each
/// form empty, look for forged hosts and measure pages at phone width cover a module's pages without being told
/// about them. A page whose route has a parameter needs a sample value here; an unknown one fails the sweep, saying so.
/// </summary>
public static class PageRoutes
{
    public static IReadOnlyList<string> Patterns(SportelloApp app) =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText!.Trim('/'))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();

    /// <summary>Pages that answer with a file to save (a PDF), not a page to look at.</summary>
    public static bool IsDownload(string pattern) => pattern.EndsWith("/pdf", StringComparison.Ordinal) || pattern.EndsWith("/xml", StringComparison.Ordinal);

    /// <summary>The page's address inside the tenant (without its prefix), parameters filled with real values of the demo data.</summary>
    public static async Task<string> AddressAsync(SportelloApp app, string tenant, string pattern)
    {
        var values = await SamplesAsync(app, tenant);
        if (PerPage.TryGetValue(pattern, out var own) && values.TryGetValue(own.Sample, out var value))
        {
            values[own.Parameter] = value;
        }

        var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{([a-zA-Z]+)(:[^}]*)?\}", m =>
            values.TryGetValue(m.Groups[1].Value + m.Groups[2].Value, out var value) || values.TryGetValue(m.Groups[1].Value, out value)
                ? value
                : throw new InvalidOperationException($"The page '{pattern}' has a route parameter '{m.Groups[1].Value}': add a sample value for it to {nameof(PageRoutes)}."));
        return "/" + path + (Queries.TryGetValue(pattern, out var query) ? query : string.Empty);
    }

    // Pages whose parameter shares its name with another page's but names something else.
    private static readonly Dictionary<string, (string Parameter, string Sample)> PerPage = new(StringComparer.Ordinal)
    {
        ["admin/identity-checks/{id:guid}"] = ("id:guid", "identityCheck"),
    };

    // Pages that show their forms only for a query string.
    private static readonly Dictionary<string, string> Queries = new(StringComparer.Ordinal)
    {
        ["admin/mail/template"] = "?key=account.reset-password&language=it",
    };

    private static Task<Dictionary<string, string>> SamplesAsync(SportelloApp app, string tenant) => app.InTenantAsync(tenant, async sp =>
    {
        var users = sp.GetRequiredService<UserManager<Sportello.Identity.Data.SportelloUser>>();
        var someone = await users.Users.OrderBy(u => u.Email).Where(u => !u.Email!.StartsWith("admin@")).Select(u => u.Id).FirstOrDefaultAsync()
            ?? await users.Users.Select(u => u.Id).FirstAsync();
        var guide = app.Registry.Find(tenant)!.IsEnabled("knowledge-base")
            ? await sp.GetRequiredService<Sportello.KnowledgeBase.Data.KnowledgeBaseDbContext>().Articles
                .OrderBy(a => a.Slug).Where(a => a.Status == Sportello.KnowledgeBase.Domain.ArticleStatus.Published)
                .Join(sp.GetRequiredService<Sportello.KnowledgeBase.Data.KnowledgeBaseDbContext>().Categories, a => a.CategoryId, c => c.Id, (a, c) => new { a.Id, a.Slug, Category = c.Slug })
                .FirstOrDefaultAsync()
            : null;
        var organizations = app.Registry.Find(tenant)!.IsEnabled("organizations") ? sp.GetRequiredService<Sportello.Organizations.Data.OrganizationsDbContext>() : null;
        var member = organizations is null ? null : await organizations.Members.Where(m => m.Email == SignIn.DemoCustomer).Select(m => m.UserId).FirstOrDefaultAsync();
        var record = organizations is null ? null : await organizations.Members.Where(m => m.Email == SignIn.DemoCustomer).OrderBy(m => m.Role).Select(m => (Guid?)m.OrganizationId).FirstOrDefaultAsync();
        var team = organizations is null ? null : await organizations.Teams.OrderBy(t => t.Name).Select(t => (Guid?)t.Id).FirstOrDefaultAsync();
        var check = organizations is null ? null : await organizations.IdentityChecks.OrderBy(c => c.OpenedUtc).Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
        var client = organizations is null ? null : await organizations.PartnerClients.Where(c => c.Status == Sportello.Organizations.Domain.PartnerClientStatus.Active).OrderBy(c => c.CreatedUtc).Select(c => (Guid?)c.Id).FirstOrDefaultAsync();
        var billing = app.Registry.Find(tenant)!.IsEnabled("billing") ? sp.GetRequiredService<Sportello.Billing.Data.BillingDbContext>() : null;
        var order = billing is null || record is null ? null
            : await billing.Orders.Where(o => o.OrganizationId == record && o.Status == Sportello.Billing.OrderStatus.PendingPayment).OrderBy(o => o.Number).Select(o => (Guid?)o.Id).FirstOrDefaultAsync()
              ?? await billing.Orders.Where(o => o.OrganizationId == record).OrderBy(o => o.Number).Select(o => (Guid?)o.Id).FirstOrDefaultAsync();
        var document = billing is null || record is null ? null
            : await billing.Documents.Where(d => d.OrganizationId == record).OrderBy(d => d.Number).Select(d => (Guid?)d.Id).FirstOrDefaultAsync();
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["orderId:guid"] = (order ?? Guid.Empty).ToString(),
            ["documentId:guid"] = (document ?? Guid.Empty).ToString(),
            ["id"] = someone,
            ["memberId"] = member ?? someone,
            ["userId"] = member ?? someone,
            ["organizationId:guid"] = (record ?? Guid.Empty).ToString(),
            ["teamId:guid"] = (team ?? Guid.Empty).ToString(),
            ["relationshipId:guid"] = (client ?? Guid.Empty).ToString(),
            ["identityCheck"] = (check ?? Guid.Empty).ToString(),
            ["name"] = "demo",
            ["code"] = "404",
            ["category"] = guide?.Category ?? "spid",
            ["slug"] = guide?.Slug ?? "guida",
        }.Concat(guide is null ? [] : [new KeyValuePair<string, string>("id:guid", guide.Id.ToString())]).ToDictionary();
    });
}
