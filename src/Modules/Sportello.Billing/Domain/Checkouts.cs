using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sportello.Billing.Data;
using Sportello.Core.Audit;
using Sportello.Core.Finance;
using Sportello.Core.Lifecycles;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;

namespace Sportello.Billing.Domain;

/// <summary>
/// Paying an order through a provider's hosted page: which methods the order can use, the attempt a "Paga" starts
/// or resumes, and what a confirmed payment does. Completion comes only from the provider (a verified notification
/// or the reconciliation asking it), never from the customer's return.
/// </summary>
public sealed class Checkouts(
    BillingDbContext db,
    IEnumerable<ICheckoutGateway> gateways,
    Settlement settlement,
    ProviderInbox inbox,
    ProviderKeys keys,
    TenantLinks links,
    TenantContext tenant,
    IAuditLog audit,
    TimeProvider clock,
    ILogger<Checkouts> logger)
{
    /// <summary>The provider methods the tenant has set up that fit the order: TWINT is Swiss, so CHF only.</summary>
    public IReadOnlyList<PaymentMethod> MethodsFor(string currency)
    {
        var methods = new List<PaymentMethod>();
        if (keys.StripeReady)
        {
            methods.Add(PaymentMethod.Card);
            if (currency == Currency.Chf.Code)
            {
                methods.Add(PaymentMethod.Twint);
            }
        }

        if (keys.PayPalReady && gateways.Any(g => g.Provider == PaymentProvider.PayPal))
        {
            methods.Add(PaymentMethod.PayPal);
        }

        return methods;
    }

    /// <summary>
    /// Where the customer goes to pay the order's outstanding amount with <paramref name="method"/>. A live attempt
    /// for the same method and amount is resumed (its page again, or its call repeated with the same key); only after
    /// one has definitely failed is a new one made.
    /// </summary>
    public async Task<string> StartAsync(Guid orderId, PaymentMethod method, string userId, CancellationToken ct)
    {
        var attempt = await ConflictRetry.RunAsync(db, () => AttemptForAsync(orderId, method, userId, ct));
        if (attempt is { Status: AttemptStatus.Open, RedirectUrl: { } page })
        {
            return page;
        }

        var gateway = gateways.Single(g => g.Provider == attempt.Provider);
        var path = $"/area/orders/{orderId}";
        // PayPal's money is taken by Sportello once the customer approves: its return leads to the page that captures.
        var back = attempt.Provider == PaymentProvider.PayPal ? links.To(path + "/paypal") : links.To(path, [new("done", "returned")]);
        var request = new CheckoutRequest(attempt, (await db.Orders.AsNoTracking().FirstAsync(o => o.Id == orderId, ct)).OrganizationName,
            $"Ordine {attempt.OrderNumber}", tenant.Settings.Culture, back, links.To(path, [new("done", "abandoned")]));
        try
        {
            var opened = await gateway.OpenAsync(request, ct);
            await UpdateAsync(attempt.Id, a =>
            {
                // What the provider made is kept whatever a parallel call concluded meanwhile: it is payable, so it
                // must stay where the reconciliation looks.
                if (a.Status != AttemptStatus.Succeeded)
                {
                    (a.Status, a.ProviderReference, a.RedirectUrl, a.Problem) = (AttemptStatus.Open, opened.ProviderReference, opened.RedirectUrl, null);
                }
            }, ct);
            return opened.RedirectUrl;
        }
        catch (ProviderUnavailableException unavailable)
        {
            logger.LogWarning(unavailable, "{Provider} did not answer for order {Order} (attempt {Key})", attempt.Provider, attempt.OrderNumber, attempt.IdempotencyKey);
            await UpdateAsync(attempt.Id, a => a.Problem = unavailable.Message, ct);
            throw new SportelloValidationException("payment", BillingText.Of(
                "Il servizio di pagamento non risponde in questo momento. Riprova fra poco: lo stesso pagamento non verrà addebitato due volte.",
                "The payment service is not answering right now. Try again shortly: the same payment will not be charged twice."));
        }
        catch (ProviderRefusedException refused)
        {
            await UpdateAsync(attempt.Id, a => (a.Status, a.Problem) = (AttemptStatus.Failed, refused.Reason), ct);
            throw new SportelloValidationException("payment", BillingText.Of(
                $"Il pagamento non è partito: {refused.Reason}", $"The payment did not start: {refused.Reason}"));
        }
    }

    /// <summary>
    /// Money the provider confirmed for <paramref name="attempt"/> (tracked): recorded once, by the provider's reference,
    /// in the caller's transaction. Money for an order that can no longer take it is left to an operator to refund.
    /// </summary>
    public async Task<Outcome> ApplyPaidAsync(PaymentAttempt attempt, string paymentReference, long minorUnits, string? currency, CancellationToken ct) =>
        Currency.Find(currency) is { } known
            ? await ApplyPaidAsync(attempt, paymentReference, Money.FromMinorUnits(minorUnits, known), ct)
            : attempt.Status == AttemptStatus.Succeeded ? new(EventOutcome.Ignored, "Pagamento già registrato.", attempt)
            : NeedsAttention(attempt, paymentReference, $"Ricevuti {minorUnits / 100m} {currency} ({paymentReference}) per l'ordine {attempt.OrderNumber}, in una valuta che il negozio non usa: da rimborsare.");

    private Outcome NeedsAttention(PaymentAttempt attempt, string paymentReference, string detail)
    {
        Touch(attempt, AttemptStatus.Succeeded);
        attempt.PaymentReference = paymentReference;
        logger.LogWarning("Provider payment needs attention: {Detail}", detail);
        return new(EventOutcome.NeedsAttention, detail, attempt);
    }

    public async Task<Outcome> ApplyPaidAsync(PaymentAttempt attempt, string paymentReference, Money amount, CancellationToken ct)
    {
        if (attempt.Status == AttemptStatus.Succeeded || await db.Payments.AnyAsync(p => p.Method == attempt.Method && p.Reference == paymentReference, ct))
        {
            return new(EventOutcome.Ignored, "Pagamento già registrato.", attempt);
        }

        var order = await db.Orders.Include(o => o.Lines).FirstAsync(o => o.Id == attempt.OrderId, ct);
        if (amount.Currency.Code != order.Currency || order.Status != OrderStatus.PendingPayment || amount.Amount > order.Outstanding || amount.Amount <= 0)
        {
            var detail = $"Ricevuti {amount.ToString(System.Globalization.CultureInfo.GetCultureInfo("it-IT"))} ({paymentReference}) per l'ordine {order.Number}, " +
                $"che è {order.Status} con {order.Money(order.Outstanding).ToString(System.Globalization.CultureInfo.GetCultureInfo("it-IT"))} da pagare: da rimborsare.";
            audit.Add(db, OrderAudit.Of(order, BillingAuditActions.PaymentNeedsAttention, new Dictionary<string, object?> { ["reference"] = paymentReference, ["amount"] = amount.Amount }));
            return NeedsAttention(attempt, paymentReference, detail);
        }

        Touch(attempt, AttemptStatus.Succeeded);
        attempt.PaymentReference = paymentReference;

        audit.Add(db, OrderAudit.Of(order, BillingAuditActions.PaidByProvider, new Dictionary<string, object?>
        {
            ["amount"] = amount.Amount, ["method"] = attempt.Method.ToString(), ["reference"] = paymentReference,
        }));
        await settlement.ReceiveAsync(order, new Payment
        {
            OrderId = order.Id, OrganizationId = order.OrganizationId, Method = attempt.Method, Amount = amount.Amount, Currency = order.Currency,
            ReceivedOn = tenant.Tenant.Today(clock), RecordedUtc = clock.GetUtcNow().UtcDateTime, Reference = paymentReference, ByUserId = attempt.ByUserId,
        }, ct);
        return new(EventOutcome.Applied, $"Ordine {order.Number}: {amount.ToString(System.Globalization.CultureInfo.GetCultureInfo("it-IT"))} ricevuti.", attempt);
    }

    /// <summary>The provider says the attempt cannot be paid any more (expired, refused): the next "Paga" makes a new one.</summary>
    public Outcome ApplyFailed(PaymentAttempt attempt, string reason)
    {
        if (!attempt.IsLive)
        {
            return new(EventOutcome.Ignored, $"Tentativo già {attempt.Status}.", attempt);
        }

        Touch(attempt, AttemptStatus.Failed);
        attempt.Problem = reason;
        return new(EventOutcome.Applied, reason, attempt);
    }

    /// <summary>
    /// What a provider answered when asked (the reconciliation, PayPal's capture), applied through the inbox under an
    /// id of <paramref name="source"/> and the money's reference, so the notification of the same money is a duplicate.
    /// </summary>
    /// <returns>Whether the order or the attempt changed.</returns>
    public async Task<bool> ConfirmAsync(PaymentAttempt attempt, CheckoutState state, string source, CancellationToken ct)
    {
        var what = state switch
        {
            CheckoutState.Paid paid => paid.PaymentReference,
            CheckoutState.Failed => "failed",
            _ => null,
        };
        if (what is null)
        {
            return false;
        }

        var outcome = await inbox.ReceiveAsync(attempt.Provider, $"{source}:{attempt.Id}:{what}", source, async () =>
            await ApplyAsync(await db.Attempts.FirstAsync(a => a.Id == attempt.Id, ct), state, ct), ct);
        return outcome is { Result: not EventOutcome.Ignored };
    }

    /// <summary>A state the provider reported for the tracked <paramref name="attempt"/>, in the caller's transaction.</summary>
    public async Task<Outcome> ApplyAsync(PaymentAttempt attempt, CheckoutState state, CancellationToken ct) => state switch
    {
        CheckoutState.Paid paid => await ApplyPaidAsync(attempt, paid.PaymentReference, paid.Amount, ct),
        CheckoutState.Failed failed => ApplyFailed(attempt, failed.Reason),
        _ => new(EventOutcome.Ignored, "In attesa del pagamento.", attempt),
    };

    /// <summary>A notification's outcome and the attempt it concerned, for the inbox row.</summary>
    public sealed record Outcome(EventOutcome Result, string? Detail, PaymentAttempt? Attempt = null);

    private async Task<PaymentAttempt> AttemptForAsync(Guid orderId, PaymentMethod method, string userId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orderId, ct) ?? throw new KeyNotFoundException();
        if (!OrderLifecycle.Instance.Permitted(order.Status).Contains(OrderTrigger.Pay))
        {
            OrderLifecycle.Instance.Next(order.Status, OrderTrigger.Pay);
        }

        if (!MethodsFor(order.Currency).Contains(method))
        {
            throw new SportelloValidationException("method", BillingText.Of(
                "Questo metodo di pagamento non è disponibile per l'ordine.", "This payment method is not available for the order."));
        }

        var attempts = await db.Attempts.Where(a => a.OrderId == orderId).OrderByDescending(a => a.Sequence).ToListAsync(ct);
        if (attempts.FirstOrDefault(a => a.IsLive && a.Method == method && a.Amount == order.Outstanding) is { } live)
        {
            return live;
        }

        // A live attempt for another amount (the balance paid part since) can no longer be completed as it is.
        foreach (var stale in attempts.Where(a => a.Status == AttemptStatus.Started && a.Method == method))
        {
            Touch(stale, AttemptStatus.Failed);
            stale.Problem = "Sostituito: l'importo da pagare è cambiato.";
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var attempt = new PaymentAttempt
        {
            OrderId = order.Id, OrganizationId = order.OrganizationId, OrderNumber = order.Number, Sequence = (attempts.FirstOrDefault()?.Sequence ?? 0) + 1,
            Provider = method == PaymentMethod.PayPal ? PaymentProvider.PayPal : PaymentProvider.Stripe, Method = method,
            Amount = order.Outstanding, Currency = order.Currency, Status = AttemptStatus.Started, StartedUtc = now, UpdatedUtc = now, ByUserId = userId,
        };
        db.Attempts.Add(attempt);
        await db.SaveChangesAsync(ct);
        return attempt;
    }

    private Task UpdateAsync(Guid attemptId, Action<PaymentAttempt> change, CancellationToken ct) => ConflictRetry.RunAsync(db, async () =>
    {
        var attempt = await db.Attempts.FirstAsync(a => a.Id == attemptId, ct);
        change(attempt);
        Touch(attempt, attempt.Status);
        await db.SaveChangesAsync(ct);
        return true;
    });

    private void Touch(PaymentAttempt attempt, AttemptStatus status)
    {
        attempt.Status = status;
        attempt.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        attempt.Version++;
    }
}
