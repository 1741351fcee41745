namespace Sportello.Billing.Tests;

public sealed class DocumentNumberTests
{
    [Theory]
    [InlineData(2026, 123, "2026-000123")]
    [InlineData(2027, 1, "2027-000001")]
    [InlineData(2026, 1234567, "2026-1234567")] // a year past a million orders still reads back
    public void Numbers_are_the_year_and_six_digits(int year, long sequence, string expected)
    {
        var number = new DocumentNumber(year, sequence);
        Assert.Equal(expected, number.ToString());
        Assert.Equal(number, DocumentNumber.Parse(expected));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2026-123")]
    [InlineData("26-000123")]
    [InlineData("2026-000000")]
    [InlineData("2026/000123")]
    [InlineData("2026-00012a")]
    [InlineData("2026-000123-1")]
    public void Anything_else_is_no_number(string? text) => Assert.Null(DocumentNumber.Parse(text));
}
