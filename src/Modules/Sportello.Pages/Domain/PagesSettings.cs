namespace Sportello.Pages.Domain;

/// <summary>Module settings a recipe or, later, the tenant admin sets.</summary>
public sealed record PagesSettings
{
    /// <summary>Shows the support contacts from the branding on the home page.</summary>
    public bool ShowSupportContacts { get; init; } = true;
}
