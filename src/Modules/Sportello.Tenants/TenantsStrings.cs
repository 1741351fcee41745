namespace Sportello.Tenants;

/// <summary>Marker for the module's UI strings: Italian text is the key, Resources/TenantsStrings.en.resx the English.</summary>
public sealed class TenantsStrings;
