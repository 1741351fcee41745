using System.Globalization;

namespace Sportello.Billing.Tests;

public sealed class TermTests
{
    [Theory]
    [InlineData("1y", "2026-03-15", "2027-03-15")]
    [InlineData("2y", "2026-03-15", "2028-03-15")]
    [InlineData("3y", "2026-03-15", "2029-03-15")]
    [InlineData("1m", "2026-03-15", "2026-04-15")]
    [InlineData("1m", "2026-01-31", "2026-02-28")] // month ends clamp
    [InlineData("1m", "2028-01-31", "2028-02-29")]
    [InlineData("1y", "2028-02-29", "2029-02-28")]
    public void A_period_ends_its_term_after_its_start(string code, string from, string expected)
    {
        var term = Term.Find(code)!.Value;
        Assert.Equal(DateOnly.Parse(expected, CultureInfo.InvariantCulture), term.End(DateOnly.Parse(from, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void One_off_has_no_expiry() => Assert.Null(Term.OneOff.End(new DateOnly(2026, 12, 2)));

    [Theory]
    [InlineData("1y")]
    [InlineData("2y")]
    [InlineData("3y")]
    [InlineData("1m")]
    [InlineData("one-off")]
    public void Codes_read_back(string code) => Assert.Equal(code, Term.Find(code)!.Value.Code);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("4y")]
    [InlineData("0y")]
    [InlineData("12m")]
    [InlineData("annual")]
    public void Unknown_codes_are_no_term(string? code) => Assert.Null(Term.Find(code));

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    public void Years_are_one_to_three(int count) => Assert.Throws<ArgumentOutOfRangeException>(() => Term.Years(count));

    [Theory]
    [InlineData("1y", "it", "1 anno")]
    [InlineData("2y", "it", "2 anni")]
    [InlineData("2y", "en", "2 years")]
    [InlineData("1m", "it", "mensile")]
    [InlineData("one-off", "en", "one-off")]
    public void Terms_are_named_in_the_reader_language(string code, string culture, string expected) =>
        Assert.Equal(expected, Term.Find(code)!.Value.Name.For(CultureInfo.GetCultureInfo(culture)));

    [Fact]
    public void The_generic_service_allows_its_terms_only()
    {
        Assert.True(BillingProducts.Servizio.Allows(Term.Years(3)));
        Assert.True(BillingProducts.Servizio.Allows(Term.OneOff));
        Assert.Equal("billing.servizio", BillingProducts.Servizio.Code);
        Assert.Null(BillingProducts.Servizio.LineData);
        var credits = new ProductType("sms.credits", "sms", new("Crediti SMS", "SMS credits"), ProductYield.Quantity, Renews: false, [Term.OneOff]);
        Assert.False(credits.Allows(Term.Years(1)));
    }
}
