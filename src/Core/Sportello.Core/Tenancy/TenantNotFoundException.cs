namespace Sportello.Core.Tenancy;

/// <summary>An action named a tenant the catalog does not have (never created, or removed meanwhile).</summary>
public sealed class TenantNotFoundException(string name) : Exception($"Il tenant '{name}' non esiste.")
{
    public string Name { get; } = name;
}
