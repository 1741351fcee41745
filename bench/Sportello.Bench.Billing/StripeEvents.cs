using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Sportello.Bench.Billing;

/// <summary>Stripe's <c>checkout.session.completed</c> as Stripe sends it, signed with Stripe's scheme (<c>t=…,v1=HMAC-SHA256</c>).</summary>
internal static class StripeEvents
{
    public const string WebhookSecret = "whsec_sportello_bench";

    public static (string Json, string Signature) SessionCompleted(Guid attemptId, string sessionId, long amount, string currency)
    {
        var json = new JsonObject
        {
            ["id"] = "evt_" + Guid.NewGuid().ToString("N")[..24],
            ["object"] = "event",
            ["api_version"] = "2025-11-17.clover",
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["type"] = "checkout.session.completed",
            ["data"] = new JsonObject
            {
                ["object"] = new JsonObject
                {
                    ["id"] = sessionId,
                    ["object"] = "checkout.session",
                    ["mode"] = "payment",
                    ["status"] = "complete",
                    ["payment_status"] = "paid",
                    ["amount_total"] = amount,
                    ["currency"] = currency,
                    ["payment_intent"] = "pi_" + sessionId[3..],
                    ["metadata"] = new JsonObject { ["sportello_attempt"] = attemptId.ToString() },
                },
            },
        }.ToJsonString();
        var t = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookSecret), Encoding.UTF8.GetBytes($"{t}.{json}"));
        return (json, $"t={t},v1={Convert.ToHexStringLower(mac)}");
    }
}
