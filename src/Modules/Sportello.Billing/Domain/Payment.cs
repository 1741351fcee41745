namespace Sportello.Billing.Domain;

public enum PaymentMethod
{
    Balance,
    BankTransfer,
    Card,
    Twint,
    PayPal,
}

/// <summary>Money received for an order: from the balance, a bank transfer an operator registered, or a provider.</summary>
public sealed class Payment
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid OrderId { get; init; }

    public Guid OrganizationId { get; init; }

    public PaymentMethod Method { get; init; }

    public decimal Amount { get; init; }

    public required string Currency { get; init; }

    /// <summary>The day the money arrived (the bank's value date for a transfer).</summary>
    public DateOnly ReceivedOn { get; init; }

    public DateTime RecordedUtc { get; init; }

    /// <summary>The bank's or the provider's reference; unique per method, so the same transfer or charge is recorded once.</summary>
    public string? Reference { get; init; }

    public string? ByUserId { get; init; }
}
