using System.Text.Json;

namespace Sportello.Billing.Tests;

public sealed class ProviderSettingsTests
{
    [Fact]
    public void An_exported_recipe_carries_no_provider_secret()
    {
        var settings = JsonSerializer.SerializeToElement(new
        {
            pendingDays = 30,
            stripe = new { enabled = true, protectedSecretKey = "CfDJ8-secret", protectedWebhookSecret = "CfDJ8-hook" },
            payPal = new { enabled = true, clientId = "client", protectedClientSecret = "CfDJ8-paypal", webhookId = "WH-1" },
        });

        var exported = new BillingModule().ExportSettings(settings).GetRawText();

        Assert.DoesNotContain("CfDJ8", exported, StringComparison.Ordinal);
        Assert.Contains("\"clientId\":\"client\"", exported, StringComparison.Ordinal);
        Assert.Contains("\"enabled\":true", exported, StringComparison.Ordinal);
    }
}
