using Sportello.Core.Tenancy;

namespace Sportello.KnowledgeBase.Content;

/// <summary>
/// What a guide may name with Liquid, so one text serves every reseller: <c>{{ tenant.name }}</c>, <c>{{ tenant.phone }}</c>,
/// <c>{{ tenant.email }}</c>, <c>{{ tenant.hours }}</c>, from the tenant's branding.
/// </summary>
public static class GuideVariables
{
    public static IReadOnlyDictionary<string, object?> Of(Tenant tenant) => Make(tenant.DisplayName, tenant.Settings.Branding);

    /// <summary>For checking a guide before it is saved: any tenant's values would do.</summary>
    public static IReadOnlyDictionary<string, object?> Sample { get; } = Make("Sportello di esempio", new TenantBranding
    {
        CustomerPhone = "02 0000 0000", SupportEmail = "assistenza@esempio.it", BusinessHours = "Lun/Ven 9-18",
    });

    private static Dictionary<string, object?> Make(string name, TenantBranding branding) => new()
    {
        ["tenant"] = new Dictionary<string, object?>
        {
            ["name"] = name,
            ["phone"] = branding.CustomerPhone,
            ["email"] = branding.SupportEmail,
            ["hours"] = branding.BusinessHours,
        },
    };
}
