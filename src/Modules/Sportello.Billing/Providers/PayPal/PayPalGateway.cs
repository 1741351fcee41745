using System.Text.Json.Nodes;
using Sportello.Billing.Domain;
using Sportello.Core.Finance;

namespace Sportello.Billing.Providers.PayPal;

/// <summary>
/// PayPal Checkout (Orders v2): an order per attempt (<c>PayPal-Request-Id</c> is the attempt's key, so a repeat finds
/// it), the customer approves it on PayPal, and Sportello captures it when the customer returns, when PayPal notifies
/// the approval, or when the reconciliation finds it approved, whichever comes first: the capture has its own request
/// id, so however many of them run, the money is taken once.
/// </summary>
public sealed class PayPalGateway(PayPalClient client) : ICheckoutGateway
{
    public PaymentProvider Provider => PaymentProvider.PayPal;

    public async Task<CheckoutOpened> OpenAsync(CheckoutRequest request, CancellationToken ct)
    {
        var attempt = request.Attempt;
        var order = new JsonObject
        {
            ["intent"] = "CAPTURE",
            ["purchase_units"] = new JsonArray(new JsonObject
            {
                ["reference_id"] = attempt.OrderNumber,
                ["custom_id"] = attempt.Id.ToString(),
                // Unique per PayPal account: PayPal itself refuses a second order carrying the same attempt.
                ["invoice_id"] = attempt.IdempotencyKey,
                ["description"] = request.Description,
                ["amount"] = new JsonObject { ["currency_code"] = attempt.Currency, ["value"] = PayPalClient.Amount(attempt.Amount) },
            }),
            ["payment_source"] = new JsonObject
            {
                ["paypal"] = new JsonObject
                {
                    ["experience_context"] = new JsonObject
                    {
                        ["return_url"] = request.ReturnUrl,
                        ["cancel_url"] = request.CancelUrl,
                        ["user_action"] = "PAY_NOW",
                        ["shipping_preference"] = "NO_SHIPPING",
                        ["locale"] = request.Culture.StartsWith("en", StringComparison.Ordinal) ? "en-GB" : "it-IT",
                    },
                },
            },
        };
        var created = await Refusing(() => client.CreateOrderAsync(order, attempt.IdempotencyKey, ct));
        var approve = (created["links"] as JsonArray)?.FirstOrDefault(l => (string?)l?["rel"] is "payer-action" or "approve");
        return new CheckoutOpened((string?)created["id"] ?? throw new ProviderUnavailableException("PayPal non ha dato il numero dell'ordine."),
            (string?)approve?["href"] ?? throw new ProviderUnavailableException("PayPal non ha dato la pagina di pagamento."));
    }

    /// <summary>For the reconciliation: a completed order reports its capture; an approved one is captured now.</summary>
    public async Task<CheckoutState> CheckAsync(PaymentAttempt attempt, CancellationToken ct)
    {
        JsonObject order;
        try
        {
            order = await client.GetOrderAsync(attempt.ProviderReference!, ct);
        }
        catch (PayPalRefusedException gone) when (gone.Issue is "RESOURCE_NOT_FOUND" or "INVALID_RESOURCE_ID")
        {
            // PayPal forgets orders nobody approved within hours.
            return new CheckoutState.Failed("Ordine PayPal scaduto senza approvazione.");
        }
        catch (PayPalRefusedException refused)
        {
            throw new ProviderRefusedException(refused.Message, refused);
        }

        return (string?)order["status"] switch
        {
            "COMPLETED" => StateOf(order),
            "APPROVED" => await CaptureAsync(attempt, ct),
            "VOIDED" => new CheckoutState.Failed("Ordine PayPal annullato."),
            _ => new CheckoutState.Waiting(),
        };
    }

    /// <summary>
    /// Nothing to call: an order the buyer never approved lapses at PayPal by itself, and one approved later is
    /// captured only by Sportello, which captures live attempts only.
    /// </summary>
    public Task CloseAsync(PaymentAttempt attempt, CancellationToken ct) => Task.CompletedTask;

    /// <summary>Takes the money of an approved order, or finds it taken; an order not approved yet is still waiting.</summary>
    public async Task<CheckoutState> CaptureAsync(PaymentAttempt attempt, CancellationToken ct)
    {
        try
        {
            return StateOf(await client.CaptureAsync(attempt.ProviderReference!, attempt.IdempotencyKey + "-capture", ct));
        }
        catch (PayPalRefusedException refused) when (refused.Issue == "ORDER_ALREADY_CAPTURED")
        {
            return StateOf(await Refusing(() => client.GetOrderAsync(attempt.ProviderReference!, ct)));
        }
        catch (PayPalRefusedException refused) when (refused.Issue is "ORDER_NOT_APPROVED" or "INSTRUMENT_DECLINED" or "PAYER_ACTION_REQUIRED")
        {
            // The buyer may approve again with another funding source on the same order.
            return new CheckoutState.Waiting();
        }
        catch (PayPalRefusedException refused)
        {
            return new CheckoutState.Failed($"PayPal ha rifiutato l'incasso: {refused.Message}");
        }
    }

    /// <summary>The state a capture (or an order holding one) describes.</summary>
    public static CheckoutState StateOf(JsonObject order)
    {
        var capture = order["purchase_units"]?[0]?["payments"]?["captures"]?[0] ?? (order["final_capture"] is not null ? order : null);
        return (string?)capture?["status"] switch
        {
            "COMPLETED" when MoneyOf(capture!["amount"]) is { } amount => new CheckoutState.Paid((string)capture["id"]!, amount),
            "DECLINED" or "FAILED" => new CheckoutState.Failed("PayPal ha rifiutato il pagamento."),
            _ => new CheckoutState.Waiting(),
        };
    }

    public static Money? MoneyOf(JsonNode? amount) =>
        Currency.Find((string?)amount?["currency_code"]) is { } currency && PayPalClient.ParseAmount(amount) is { } value ? new Money(value, currency) : null;

    private static async Task<JsonObject> Refusing(Func<Task<JsonObject>> call)
    {
        try
        {
            return await call();
        }
        catch (PayPalRefusedException refused)
        {
            throw new ProviderRefusedException(refused.Message, refused);
        }
    }
}
