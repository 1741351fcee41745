using Sportello.Core.Validation;

namespace Sportello.Core.Tests.Validation;

public sealed class ContactValidatorTests
{
    [Theory]
    [InlineData(" Laura.Bianchi@Example.IT ", "Laura.Bianchi@example.it")]
    [InlineData("info@fiducia-demo.example", "info@fiducia-demo.example")]
    public void Addresses_are_trimmed_with_the_domain_in_lower_case(string input, string normalized)
    {
        var result = EmailAddress.Validate(input);
        Assert.True(result.Valid, result.Message);
        Assert.Equal(normalized, result.Normalized);
    }

    [Theory]
    [InlineData("non-una-mail", "manca la @")]
    [InlineData("a@b", "non è un indirizzo e-mail valido")]
    [InlineData("a b@example.it", "non è un indirizzo e-mail valido")]
    public void Bad_addresses_say_why(string input, string expected) =>
        Assert.Contains(expected, EmailAddress.Validate(input).Problem!.Italian);

    [Theory]
    [InlineData("347 123 4567", "+393471234567", PhoneKind.Mobile)]
    [InlineData("02 1234 5678", "+390212345678", PhoneKind.Landline)]
    [InlineData("+41 44 123 45 67", "+41441234567", PhoneKind.Landline)]
    [InlineData("+41 79 123 45 67", "+41791234567", PhoneKind.Mobile)]
    public void Phone_numbers_are_e164_and_know_their_kind(string input, string normalized, PhoneKind kind)
    {
        var result = PhoneNumber.Validate(input);
        Assert.True(result.Valid, result.Message);
        Assert.Equal(normalized, result.Normalized);
        Assert.Equal(kind, PhoneNumber.KindOf(input));
    }

    [Theory]
    [InlineData("abc<b>")]
    [InlineData("123")]
    [InlineData("+39 347 123 4567 890 123 456 789 0")]
    public void Bad_phone_numbers_are_refused(string input) => Assert.False(PhoneNumber.Validate(input).Valid);
}
