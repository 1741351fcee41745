namespace Sportello.Core.Finance;

/// <summary>One line of an order or invoice: quantity times a net unit price, at a VAT rate.</summary>
public sealed record PriceLine(string Description, decimal Quantity, Money UnitPrice, VatRate Vat)
{
    /// <summary>The line's taxable amount, rounded to cents.</summary>
    public Money Net => (UnitPrice * Quantity).Rounded();
}

/// <summary>A line with its share of the VAT, after the totals were reconciled.</summary>
public sealed record PricedLine(PriceLine Line, Money Net, Money Vat)
{
    public Money Gross => Net + Vat;
}

/// <summary>The VAT of one rate over the whole document: taxable amount, rate, tax (the invoice's summary per rate).</summary>
public sealed record VatSummary(VatRate Rate, Money Taxable, Money Tax);
