namespace Sportello.Billing.Domain;

/// <summary>
/// An organization's order: numbered when placed, priced once (prices, discount and VAT are copied onto it, so a later
/// catalog change never alters it), moved along <see cref="OrderLifecycle"/>.
/// </summary>
public sealed class Order
{
    public Guid Id { get; init; } = Guid.NewGuid();

    /// <summary><c>2026-000123</c>: gapless per tenant and year.</summary>
    public required string Number { get; init; }

    public OrderKind Kind { get; init; }

    public OrderStatus Status { get; set; }

    public Guid OrganizationId { get; init; }

    /// <summary>The organization's legal name when it ordered, for lists that need no join.</summary>
    public required string OrganizationName { get; init; }

    public DateTime PlacedUtc { get; init; }

    public string? PlacedByUserId { get; init; }

    public Guid? AgreementId { get; init; }

    /// <summary>The agreement's name when the order was placed under one.</summary>
    public string? AgreementName { get; init; }

    public required string Currency { get; init; }

    public decimal Net { get; set; }

    public decimal Vat { get; set; }

    public decimal Total { get; set; }

    /// <summary>What has been received so far (a bank transfer may come in parts).</summary>
    public decimal Received { get; set; }

    /// <summary>The partner discount applied to every line, in percent.</summary>
    public decimal Discount { get; init; }

    /// <summary>The partner credited with the lines' cashback when the order is paid.</summary>
    public Guid? CashbackPartnerId { get; init; }

    /// <summary>When an unpaid order expires.</summary>
    public DateTime DueUtc { get; init; }

    public DateTime? PaidUtc { get; set; }

    /// <summary>Why an operator cancelled or held it, shown to the customer.</summary>
    public string? Reason { get; set; }

    /// <summary>Raised by every change: two payments of the same order cannot both commit.</summary>
    public int Version { get; set; }

    public List<OrderLine> Lines { get; init; } = [];

    /// <summary>
    /// Scissione dei pagamenti: an Italian public body pays the VAT to the State, not to the seller, so the order is
    /// paid once its net amount arrives; the invoice still shows the VAT, marked as split (<c>EsigibilitaIVA</c> S).
    /// </summary>
    public bool SplitPayment { get; init; }

    /// <summary>The tender's code (CIG) a public body gives for its invoice.</summary>
    public string? Cig { get; set; }

    /// <summary>The public project's code (CUP) a public body gives for its invoice.</summary>
    public string? Cup { get; set; }

    /// <summary>What the customer pays: the total, or the net amount under split payment.</summary>
    public decimal Payable => SplitPayment ? Net : Total;

    public decimal Outstanding => Payable - Received;

    /// <summary>An amount of this order in its currency, for showing.</summary>
    public Sportello.Core.Finance.Money Money(decimal amount) => new(amount, Sportello.Core.Finance.Currency.Parse(Currency));
}

/// <summary>One line as priced when the order was placed.</summary>
public sealed class OrderLine
{
    public Guid Id { get; init; } = Guid.NewGuid();

    public Guid OrderId { get; init; }

    public int Position { get; init; }

    public required string Product { get; init; }

    public required string ProductType { get; init; }

    public required string Description { get; init; }

    public required string Term { get; init; }

    public int Quantity { get; init; }

    public decimal UnitPrice { get; init; }

    public decimal Net { get; init; }

    public decimal Vat { get; init; }

    public decimal VatPercent { get; init; }

    public string? VatNature { get; init; }

    /// <summary>Priced at the agreement's price (not the list price).</summary>
    public bool AgreementPrice { get; init; }

    public string? Data { get; init; }

    public Guid? RenewsServiceId { get; init; }

    /// <summary>The service the line created or renewed, once paid.</summary>
    public Guid? ServiceId { get; set; }

    /// <summary>The partner's cashback on this line, credited to its balance when paid.</summary>
    public decimal Cashback { get; init; }
}
