using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly.Timeout;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using Sportello.Core.Finance;
using Stripe;
using Stripe.Checkout;

namespace Sportello.Billing.Providers.Stripe;

/// <summary>
/// Card and TWINT through Stripe Checkout, with Stripe.net on an HttpClient from the factory (timeouts and retries
/// from <see cref="BillingProviderResilience"/>; Stripe.net's own retries are off so there is one policy). Every
/// create call carries an idempotency key, so the retries are safe.
/// </summary>
public sealed class StripeGateway(IHttpClientFactory http, ProviderKeys keys, IOptions<BillingProviderOptions> options, BillingDbContext db) : ICheckoutGateway, IPaymentMethodVault
{
    public const string HttpClientName = "billing.stripe";

    /// <summary>What Sportello puts in the metadata of its sessions and payment intents to find the attempt again.</summary>
    public const string AttemptKey = "sportello_attempt";

    public PaymentProvider Provider => PaymentProvider.Stripe;

    public async Task<CheckoutOpened> OpenAsync(CheckoutRequest request, CancellationToken ct)
    {
        var attempt = request.Attempt;
        var client = Client();
        var customer = await CallAsync(() => CustomerAsync(client, attempt, request.OrganizationName, ct));
        var metadata = new Dictionary<string, string> { [AttemptKey] = attempt.Id.ToString(), ["order"] = attempt.OrderNumber };
        var session = await CallAsync(() => new SessionService(client).CreateAsync(new SessionCreateOptions
        {
            Mode = "payment",
            Customer = customer,
            ClientReferenceId = attempt.OrderId.ToString(),
            SuccessUrl = request.ReturnUrl,
            CancelUrl = request.CancelUrl,
            Locale = request.Culture.StartsWith("en", StringComparison.Ordinal) ? "en" : "it",
            AllowedPaymentMethodTypes = [attempt.Method == Sportello.Billing.Domain.PaymentMethod.Twint ? "twint" : "card"],
            LineItems =
            [
                new SessionLineItemOptions
                {
                    Quantity = 1,
                    PriceData = new SessionLineItemPriceDataOptions
                    {
                        Currency = attempt.Currency.ToLowerInvariant(),
                        UnitAmount = new Money(attempt.Amount, Currency.Parse(attempt.Currency)).MinorUnits,
                        ProductData = new SessionLineItemPriceDataProductDataOptions { Name = request.Description },
                    },
                },
            ],
            // Kept on the customer so renewals can charge it without the customer present.
            PaymentIntentData = new SessionPaymentIntentDataOptions { SetupFutureUsage = "off_session", Metadata = metadata, Description = request.Description },
            Metadata = metadata,
        }, new RequestOptions { IdempotencyKey = attempt.IdempotencyKey }, ct));
        return new CheckoutOpened(session.Id, session.Url);
    }

    public async Task<CheckoutState> CheckAsync(PaymentAttempt attempt, CancellationToken ct)
    {
        if (attempt.ProviderReference is not { } sessionId)
        {
            return new CheckoutState.Waiting();
        }

        var client = Client();
        var session = await CallAsync(() => new SessionService(client).GetAsync(sessionId, new SessionGetOptions { Expand = ["payment_intent"] }, null, ct));
        return session switch
        {
            { PaymentStatus: "paid" } when Currency.Find(session.Currency) is { } currency =>
                new CheckoutState.Paid(session.PaymentIntentId, Money.FromMinorUnits(session.AmountTotal ?? 0, currency), session.PaymentIntent?.PaymentMethodId),
            { Status: "expired" } => new CheckoutState.Failed("Sessione di pagamento scaduta senza pagamento."),
            _ => new CheckoutState.Waiting(),
        };
    }

    public async Task CloseAsync(PaymentAttempt attempt, CancellationToken ct)
    {
        if (attempt.ProviderReference is { } sessionId)
        {
            await CallAsync(() => new SessionService(Client()).ExpireAsync(sessionId, null, null, ct));
        }
    }

    public async Task<SavedMethodFacts> DescribeAsync(string providerMethodId, CancellationToken ct)
    {
        var method = await CallAsync(() => new PaymentMethodService(Client()).GetAsync(providerMethodId, null, null, ct));
        return method.Type == "twint"
            ? new SavedMethodFacts(Sportello.Billing.Domain.PaymentMethod.Twint, "TWINT", null, null, null)
            : new SavedMethodFacts(Sportello.Billing.Domain.PaymentMethod.Card, method.Card?.Brand ?? "card", method.Card?.Last4, (int?)method.Card?.ExpMonth, (int?)method.Card?.ExpYear);
    }

    /// <summary>Takes the method off the organization's Stripe customer, so nothing can charge it again.</summary>
    public async Task DetachAsync(string providerMethodId, CancellationToken ct) =>
        await CallAsync(() => new PaymentMethodService(Client()).DetachAsync(providerMethodId, null, null, ct));

    private StripeClient Client() => new(new StripeClientOptions
    {
        ApiKey = keys.StripeSecretKey ?? throw new ProviderRefusedException("Stripe non è configurato per questo negozio."),
        ApiBase = options.Value.StripeApiBase.ToString().TrimEnd('/'),
        HttpClient = new SystemNetHttpClient(http.CreateClient(HttpClientName), maxNetworkRetries: 0),
    });

    /// <summary>The organization's Stripe customer, made once (its idempotency key is the organization's).</summary>
    private async Task<string> CustomerAsync(StripeClient client, PaymentAttempt attempt, string name, CancellationToken ct)
    {
        var known = await db.ProviderCustomers.AsNoTracking()
            .FirstOrDefaultAsync(c => c.OrganizationId == attempt.OrganizationId && c.Provider == PaymentProvider.Stripe, ct);
        if (known is not null)
        {
            return known.CustomerId;
        }

        var customer = await new CustomerService(client).CreateAsync(new CustomerCreateOptions
        {
            Name = name,
            Metadata = new Dictionary<string, string> { ["organization"] = attempt.OrganizationId.ToString() },
        }, new RequestOptions { IdempotencyKey = $"sportello-customer-{attempt.OrganizationId:N}" }, ct);
        db.ProviderCustomers.Add(new ProviderCustomer { OrganizationId = attempt.OrganizationId, Provider = PaymentProvider.Stripe, CustomerId = customer.Id });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.ChangeTracker.Entries<ProviderCustomer>().Any())
        {
            // A parallel payment saved the same customer (same key, same id) first.
            db.ChangeTracker.Clear();
        }

        return customer.Id;
    }

    /// <summary>Stripe's answers in the two kinds <see cref="Checkouts"/> acts on: try again later, or refused.</summary>
    private static async Task<T> CallAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        // 409: the same idempotency key is in flight (a parallel click, a retried timeout) — try again, never "failed".
        catch (StripeException e) when (e.HttpStatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.Conflict || (int)e.HttpStatusCode >= 500 || e.HttpStatusCode == 0
            || e.StripeError?.Type == "idempotency_error")
        {
            throw new ProviderUnavailableException($"Stripe ha risposto {(int)e.HttpStatusCode}: {e.StripeError?.Message ?? e.Message}", e);
        }
        catch (StripeException e)
        {
            throw new ProviderRefusedException(e.StripeError?.Message ?? e.Message, e);
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutRejectedException or TaskCanceledException)
        {
            throw new ProviderUnavailableException($"Stripe non ha risposto: {e.Message}", e);
        }
    }
}
