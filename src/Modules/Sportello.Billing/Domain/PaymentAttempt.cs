namespace Sportello.Billing.Domain;

public enum PaymentProvider
{
    Stripe,
    PayPal,
}

public enum AttemptStatus
{
    /// <summary>Made, the provider not yet known to have it (the call failed or never answered): retried with the same key.</summary>
    Started,

    /// <summary>The provider has it (a checkout session, a PayPal order): the customer is paying.</summary>
    Open,

    Succeeded,

    /// <summary>Definitely failed (refused, expired, abandoned): the next try is a new attempt with a new key.</summary>
    Failed,
}

/// <summary>
/// One try at paying an order through a provider. Its <see cref="IdempotencyKey"/> goes on every call made for it,
/// so repeating a call (a timeout, a crash, a double click) reaches the same provider object and charges once; only
/// an attempt that has definitely failed makes way for a new one, numbered <see cref="Sequence"/> + 1.
/// </summary>
public sealed class PaymentAttempt
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid OrderId { get; init; }

    public Guid OrganizationId { get; init; }

    public required string OrderNumber { get; init; }

    /// <summary>1 for the order's first attempt; unique per order, so two parallel "Paga" share one attempt.</summary>
    public int Sequence { get; init; }

    public PaymentProvider Provider { get; init; }

    public PaymentMethod Method { get; init; }

    public decimal Amount { get; init; }

    public required string Currency { get; init; }

    public AttemptStatus Status { get; set; }

    public string IdempotencyKey => $"sportello-{OrderId:N}-{Sequence}";

    /// <summary>The provider's object for this attempt: Stripe's checkout session, PayPal's order.</summary>
    public string? ProviderReference { get; set; }

    /// <summary>Where the customer pays (the hosted page), while the attempt is open.</summary>
    public string? RedirectUrl { get; set; }

    /// <summary>The provider's id of the money taken (Stripe's payment intent, PayPal's capture), once it is.</summary>
    public string? PaymentReference { get; set; }

    /// <summary>Why it failed, or why the last call did not get through, in the words operators read.</summary>
    public string? Problem { get; set; }

    public DateTime StartedUtc { get; init; }

    public DateTime UpdatedUtc { get; set; }

    public string? ByUserId { get; init; }

    public int Version { get; set; }

    public bool IsLive => Status is AttemptStatus.Started or AttemptStatus.Open;
}
