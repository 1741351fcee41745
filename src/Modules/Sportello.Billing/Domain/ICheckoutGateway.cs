using Sportello.Core.Finance;

namespace Sportello.Billing.Domain;

/// <summary>A provider's hosted checkout, as <see cref="Checkouts"/> drives it; every call carries the attempt's idempotency key.</summary>
public interface ICheckoutGateway
{
    PaymentProvider Provider { get; }

    /// <summary>Creates (or, called again with the same attempt, finds) the provider's object and where the customer pays.</summary>
    /// <exception cref="ProviderUnavailableException">No answer, or a provider error worth retrying: the attempt stays as it is.</exception>
    /// <exception cref="ProviderRefusedException">The provider refused the request: the attempt has failed.</exception>
    Task<CheckoutOpened> OpenAsync(CheckoutRequest request, CancellationToken ct);

    /// <summary>What the provider says about an open attempt, for the reconciliation that covers a lost notification.</summary>
    Task<CheckoutState> CheckAsync(PaymentAttempt attempt, CancellationToken ct);

    /// <summary>Makes the attempt's hosted page unpayable: its order was paid another way, cancelled or expired.</summary>
    /// <exception cref="ProviderRefusedException">The provider cannot close it (already paid or expired there).</exception>
    Task CloseAsync(PaymentAttempt attempt, CancellationToken ct);
}

/// <param name="ReturnUrl">The order's page on the tenant's configured address, where the provider sends the customer back.</param>
public sealed record CheckoutRequest(PaymentAttempt Attempt, string OrganizationName, string Description, string Culture, string ReturnUrl, string CancelUrl);

public sealed record CheckoutOpened(string ProviderReference, string RedirectUrl);

public abstract record CheckoutState
{
    public sealed record Paid(string PaymentReference, Money Amount, string? SavedMethodId = null) : CheckoutState;

    public sealed record Waiting : CheckoutState;

    public sealed record Failed(string Reason) : CheckoutState;
}

public sealed class ProviderUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

public sealed class ProviderRefusedException(string reason, Exception? inner = null) : Exception(reason, inner)
{
    public string Reason => Message;
}
