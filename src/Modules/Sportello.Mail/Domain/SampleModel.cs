namespace Sportello.Mail.Domain;

/// <summary>Made-up values for previewing and trying a template in the back office; the tenant's own name and contacts are added to them.</summary>
public static class SampleModel
{
    public static IReadOnlyDictionary<string, object?> Values { get; } = new Dictionary<string, object?>
    {
        ["user"] = new Dictionary<string, object?> { ["name"] = "Maria Rossi" },
        ["link"] = "https://sportello.example/account/esempio",
        ["expires_minutes"] = 60,
        ["password"] = "Esempio-Provvisoria-27",
    };
}
