namespace Sportello.Core.Tenancy;

/// <summary>What a reseller changes to make a tenant look like its own; applied as CSS custom properties.</summary>
public sealed record TenantBranding
{
    public const int MaxDisplayName = 100;
    public const int MaxHours = 100;
    public const int MaxUrl = 500;
    public const int MaxTagline = 160;

    public string? DisplayName { get; init; }
    public string? LogoUrl { get; init; }

    /// <summary>One sentence on what the reseller offers: the home page's and search engines' description.</summary>
    public string? Tagline { get; init; }
    public string PrimaryColor { get; init; } = "#0b5cad";
    public string AccentColor { get; init; } = "#f2a900";
    public string? CustomerPhone { get; init; }
    public string? PartnerPhone { get; init; }
    public string? SupportEmail { get; init; }
    public string? BusinessHours { get; init; }

    /// <summary>The reseller's privacy notice, linked from every page's footer: a path of the site or an https address.</summary>
    public string? PrivacyUrl { get; init; }

    /// <summary>The reseller's terms of service or legal notes, linked from the footer.</summary>
    public string? TermsUrl { get; init; }
}
