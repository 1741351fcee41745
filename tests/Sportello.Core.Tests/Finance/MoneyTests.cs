using System.Globalization;
using Sportello.Core.Finance;

namespace Sportello.Core.Tests.Finance;

public sealed class MoneyTests
{
    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    [Theory]
    [InlineData("0.005", "0.01")]
    [InlineData("0.004", "0.00")]
    [InlineData("2.675", "2.68")]
    [InlineData("-0.005", "-0.01")]
    [InlineData("1.125", "1.13")]
    public void Amounts_round_half_up_to_cents(string amount, string expected) =>
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), Money.Euros(decimal.Parse(amount, CultureInfo.InvariantCulture)).Rounded().Amount);

    [Fact]
    public void Amounts_are_written_the_way_each_reader_expects()
    {
        Assert.Equal("1.234,50\u00A0€", Money.Euros(1234.5m).ToString(Italian));
        Assert.Equal("€1,234.50", Money.Euros(1234.5m).ToString(English));
        Assert.Equal("CHF\u00A01'234.50", Money.Francs(1234.5m).ToString(Italian));
        Assert.Equal("CHF\u00A01'234.50", Money.Francs(1234.5m).ToString(English));
        Assert.Equal("-12,30\u00A0€", Money.Euros(-12.3m).ToString(Italian));
        Assert.Equal("1.234.567,01\u00A0€", Money.Euros(1234567.005m).ToString(Italian));
    }

    [Fact]
    public void Currencies_are_never_mixed()
    {
        var euros = Money.Euros(10m);
        var francs = Money.Francs(10m);
        Assert.Throws<CurrencyMismatchException>(() => euros + francs);
        Assert.Throws<CurrencyMismatchException>(() => euros - francs);
        Assert.Throws<CurrencyMismatchException>(() => euros < francs);
        Assert.Equal(Money.Euros(25m), euros + Money.Euros(15m));
        Assert.Equal(Money.Euros(30m), euros * 3);
        Assert.NotEqual(euros, francs);
    }

    [Fact]
    public void Only_known_currencies_are_found()
    {
        Assert.Same(Currency.Eur, Currency.Find("eur"));
        Assert.Same(Currency.Chf, Currency.Find(" CHF "));
        Assert.Null(Currency.Find("USD"));
        Assert.Null(Currency.Find(null));
        Assert.Throws<ArgumentException>(() => Currency.Parse("XYZ"));
    }

    [Fact]
    public void Vat_is_reckoned_per_rate_and_shared_so_lines_and_totals_agree_to_the_cent()
    {
        // Three lines of 0,10 € at 22%: per line 0,022 would round to 0,02 each (0,06), but the summary is 0,07.
        var lines = Enumerable.Range(0, 3).Select(i => new PriceLine($"Riga {i}", 1, Money.Euros(0.10m), VatRate.ItalyOrdinary)).ToList();
        var totals = PriceTotals.Of(lines, Currency.Eur);
        Assert.Equal(Money.Euros(0.30m), totals.Net);
        Assert.Equal(Money.Euros(0.07m), totals.Vat);
        Assert.Equal(Money.Euros(0.37m), totals.Gross);
        Assert.Equal(totals.Vat, Money.Sum(totals.Lines.Select(l => l.Vat), Currency.Eur));
        Assert.Equal(totals.Gross, Money.Sum(totals.Lines.Select(l => l.Gross), Currency.Eur));
    }

    [Fact]
    public void Several_rates_have_a_summary_each()
    {
        var lines = new List<PriceLine>
        {
            new("Identità digitale", 2, Money.Euros(19.90m), VatRate.ItalyOrdinary),
            new("Casella PEC", 1, Money.Euros(5.33m), new VatRate(10m)),
            new("Marca da bollo", 1, Money.Euros(2m), new VatRate(0m)),
            new("Sconto", 1, Money.Euros(-3.33m), VatRate.ItalyOrdinary),
        };
        var totals = PriceTotals.Of(lines, Currency.Eur);
        Assert.Equal(3, totals.Summaries.Count);
        var ordinary = totals.Summaries.Single(s => s.Rate == VatRate.ItalyOrdinary);
        Assert.Equal(Money.Euros(36.47m), ordinary.Taxable);
        Assert.Equal(Money.Euros(8.02m), ordinary.Tax); // 36,47 × 22% = 8,0234
        Assert.Equal(Money.Euros(0.53m), totals.Summaries.Single(s => s.Rate.Percent == 10m).Tax);
        Assert.Equal(Money.Euros(43.80m), totals.Net);
        Assert.Equal(Money.Euros(8.55m), totals.Vat);
        Assert.Equal(totals.Vat, Money.Sum(totals.Lines.Select(l => l.Vat), Currency.Eur));
        Assert.Equal(lines, totals.Lines.Select(l => l.Line)); // in the order given
    }

    [Fact]
    public void A_credit_note_reconciles_like_an_invoice()
    {
        var lines = Enumerable.Range(0, 3).Select(i => new PriceLine("Storno", 1, Money.Euros(-0.10m), VatRate.ItalyOrdinary)).ToList();
        var totals = PriceTotals.Of(lines, Currency.Eur);
        Assert.Equal(Money.Euros(-0.07m), totals.Vat);
        Assert.Equal(totals.Vat, Money.Sum(totals.Lines.Select(l => l.Vat), Currency.Eur));
    }

    [Fact]
    public void No_lines_total_zero() => Assert.True(PriceTotals.Of([], Currency.Chf).Gross.IsZero);
}
