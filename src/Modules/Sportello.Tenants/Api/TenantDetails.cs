using System.Text.Json;
using Sportello.Core.Tenancy;

namespace Sportello.Tenants.Api;

/// <summary>One tenant as GET /api/tenants/{name} shows it: the list row plus addresses, store, settings and limits.</summary>
public sealed record TenantDetails(
    TenantSummary Summary,
    TenantStoreSettings Store,
    string Culture,
    string TimeZone,
    string Currency,
    TenantBranding Branding,
    IReadOnlyDictionary<string, JsonElement> ModuleSettings,
    IReadOnlyDictionary<string, long> Limits)
{
    public static TenantDetails From(Tenant tenant, DateTime? lastRequestUtc) => new(
        TenantSummary.From(tenant, lastRequestUtc),
        tenant.Settings.Store,
        tenant.Settings.Culture,
        tenant.Settings.TimeZone,
        tenant.Settings.Currency,
        tenant.Settings.Branding,
        tenant.Settings.ModuleSettings,
        tenant.Settings.Limits);
}
