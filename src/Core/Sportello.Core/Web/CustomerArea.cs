using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Sportello.Core.Modules;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Web;

/// <summary>
/// What the customer area shows a user: the menu entries and dashboard cards of the tenant's enabled modules,
/// each kept only when authorization grants its permission.
/// </summary>
public sealed class CustomerArea(ModuleCatalog modules, TenantContext tenant, IAuthorizationService authorization)
{
    public async Task<IReadOnlyList<CustomerMenuEntry>> MenuAsync(ClaimsPrincipal user) =>
        await AllowedAsync(user, Enabled().SelectMany(m => m.CustomerMenu), e => e.Permission, e => (e.Order, e.Title));

    public async Task<IReadOnlyList<CustomerCard>> CardsAsync(ClaimsPrincipal user) =>
        await AllowedAsync(user, Enabled().SelectMany(m => m.CustomerCards), c => c.Permission, c => (c.Order, c.Title));

    /// <summary>The view components above every customer-area page, of the enabled modules in dependency order.</summary>
    public IReadOnlyList<Type> Bar() => Enabled().SelectMany(m => m.CustomerAreaBar).ToList();

    /// <summary>The sections of a customer record's back-office page that <paramref name="user"/> may see.</summary>
    public async Task<IReadOnlyList<CustomerRecordPanel>> RecordPanelsAsync(ClaimsPrincipal user) =>
        await AllowedAsync(user, Enabled().SelectMany(m => m.CustomerRecordPanels), p => p.Permission, p => (p.Order, p.ViewComponent.Name));

    private IEnumerable<Module> Enabled() => modules.Ordered.Where(m => tenant.Tenant.IsEnabled(m.Id));

    private async Task<IReadOnlyList<T>> AllowedAsync<T>(ClaimsPrincipal user, IEnumerable<T> items, Func<T, string?> permission, Func<T, (int, string)> order)
    {
        var allowed = new List<T>();
        foreach (var item in items)
        {
            if (permission(item) is not { } name || (await authorization.AuthorizeAsync(user, PermissionPolicyProvider.PolicyFor(name))).Succeeded)
            {
                allowed.Add(item);
            }
        }

        return allowed.OrderBy(order).ToList();
    }
}
