namespace Sportello.Core.Tenancy;

/// <summary>What a reseller changes to make a tenant look like its own; applied as CSS custom properties.</summary>
public sealed record TenantBranding
{
    public string? DisplayName { get; init; }
    public string? LogoUrl { get; init; }
    public string PrimaryColor { get; init; } = "#0b5cad";
    public string AccentColor { get; init; } = "#f2a900";
    public string? CustomerPhone { get; init; }
    public string? PartnerPhone { get; init; }
    public string? SupportEmail { get; init; }
    public string? BusinessHours { get; init; }
}
