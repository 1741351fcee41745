using Sportello.Core.Tenancy;

namespace Sportello.Billing.Domain;

/// <summary>The product types modules registered, of which a tenant sells those whose module it has enabled.</summary>
public sealed class ProductTypes(IEnumerable<ProductType> registered, TenantContext tenant)
{
    private readonly IReadOnlyDictionary<string, ProductType> _byCode = registered.ToDictionary(t => t.Code, StringComparer.Ordinal);

    public IReadOnlyCollection<ProductType> All => (IReadOnlyCollection<ProductType>)_byCode.Values;

    /// <summary>The type, when it is registered and its module is enabled for this tenant; null otherwise.</summary>
    public ProductType? Sold(string? code) =>
        code is not null && _byCode.TryGetValue(code, out var type) && tenant.Tenant.IsEnabled(type.ModuleId) ? type : null;

    public ProductType? Find(string? code) => code is not null ? _byCode.GetValueOrDefault(code) : null;
}
