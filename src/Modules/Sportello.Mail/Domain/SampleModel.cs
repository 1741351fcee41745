namespace Sportello.Mail.Domain;

/// <summary>Made-up values for previewing a template in the back office.</summary>
public static class SampleModel
{
    public static Dictionary<string, object?> For(string tenantName, string? phone, string? hours) => new()
    {
        ["user"] = new Dictionary<string, object?> { ["name"] = "Maria Rossi" },
        ["link"] = "https://sportello.example/account/esempio",
        ["expires_minutes"] = 60,
        ["tenant"] = new Dictionary<string, object?> { ["name"] = tenantName, ["phone"] = phone, ["hours"] = hours },
    };
}
