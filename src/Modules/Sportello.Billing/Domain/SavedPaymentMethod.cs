namespace Sportello.Billing.Domain;

/// <summary>
/// A card or TWINT account the organization allowed to be reused (Stripe keeps it on the organization's customer),
/// shown as brand and last digits; the default one is what renewals charge.
/// </summary>
public sealed class SavedPaymentMethod
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid OrganizationId { get; init; }

    public PaymentProvider Provider { get; init; }

    /// <summary>The provider's id (Stripe's <c>pm_…</c>).</summary>
    public required string ProviderMethodId { get; init; }

    public PaymentMethod Method { get; init; }

    /// <summary>"visa", "mastercard"…; for TWINT the word TWINT.</summary>
    public required string Label { get; init; }

    public string? Last4 { get; init; }

    public int? ExpiryMonth { get; init; }

    public int? ExpiryYear { get; init; }

    public bool IsDefault { get; set; }

    public DateTime SavedUtc { get; init; }
}

/// <summary>The organization's customer at a provider (Stripe's <c>cus_…</c>), made once and reused.</summary>
public sealed class ProviderCustomer
{
    public Guid OrganizationId { get; init; }

    public PaymentProvider Provider { get; init; }

    public required string CustomerId { get; init; }
}
