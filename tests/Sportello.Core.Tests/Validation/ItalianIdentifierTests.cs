using System.Globalization;
using Sportello.Core.Validation;

namespace Sportello.Core.Tests.Validation;

/// <summary>Codici fiscali, partite IVA, IBANs, CAPs, provinces and SDI codes: tables written from the rules.</summary>
public sealed class ItalianIdentifierTests
{
    [Theory]
    [InlineData("BNCLRA92C55F205C", "BNCLRA92C55F205C")] // a woman born 15 March 1992 in Milan
    [InlineData("vrdgpp80a01h501u", "VRDGPP80A01H501U")] // lower case
    [InlineData(" VRD GPP 80A01 H501U ", "VRDGPP80A01H501U")] // spaces as people type them
    [InlineData("FRRLCU00B29L219G", "FRRLCU00B29L219G")] // 29 February 2000
    [InlineData("CSTNNA75M68D969E", "CSTNNA75M68D969E")] // day 68: a woman born on the 28th
    [InlineData("GLLMRC03E12Z404K", "GLLMRC03E12Z404K")] // born abroad (Z...)
    [InlineData("BNCLRA92C55F20RX", "BNCLRA92C55F20RX")] // omocodia in the last place digit
    [InlineData("BNCLRAVNCRRFNLRE", "BNCLRAVNCRRFNLRE")] // omocodia in every position the law allows
    [InlineData("VRDGPPULALMHRLMD", "VRDGPPULALMHRLMD")]
    [InlineData("12345670017", "12345670017")] // a company's numeric code, checked as a partita IVA
    public void Valid_codici_fiscali_are_normalized(string input, string normalized)
    {
        var result = CodiceFiscale.Validate(input);
        Assert.True(result.Valid, result.Message);
        Assert.Equal(normalized, result.Normalized);
    }

    [Theory]
    [InlineData("BNCLRA92C55F205D", "dovrebbe essere «C», non «D»")]
    [InlineData("BNCLRA92B30F205J", "il 30 febbraio")]
    [InlineData("FRRLCU01B29L219E", "il 29 febbraio")]
    [InlineData("BNCLRA92C32F205S", "«32» non esiste")]
    [InlineData("BNCLRA92C72F205W", "«72» non esiste")]
    [InlineData("BNCLRA92C00F205L", "«00» non esiste")]
    [InlineData("BNCLRA92F15F205G", "9° carattere indica il mese")]
    [InlineData("BNCLRA92C55F205", "questo ne ha 15")]
    [InlineData("BNCLRA92C55F205CX", "questo ne ha 17")]
    [InlineData("BNCLR192C55F205C", "il 6° è «1»")]
    [InlineData("BNCLRA9WC55F205C", "8° carattere deve essere una cifra")]
    [InlineData("BNCLRA92C55F2O5C", "14° carattere deve essere una cifra")]
    [InlineData("BNCLRA92C5555205C", "questo ne ha 17")]
    [InlineData("BNCLRA92C55F205_", "solo lettere e cifre")]
    [InlineData("12345670018", "numerico non valido")]
    [InlineData("", "obbligatorio")]
    public void Invalid_codici_fiscali_say_what_is_wrong(string input, string expected)
    {
        var result = CodiceFiscale.Validate(input);
        Assert.False(result.Valid);
        Assert.Contains(expected, result.Problem!.Italian);
        Assert.False(string.IsNullOrWhiteSpace(result.Problem.English));
    }

    [Fact]
    public void The_check_character_message_is_in_english_for_english_readers()
    {
        var result = CodiceFiscale.Validate("BNCLRA92C55F205D");
        Assert.Contains("should be 'C', not 'D'", result.Problem!.For(CultureInfo.GetCultureInfo("en")));
        Assert.Contains("30", CodiceFiscale.Validate("BNCLRA92B30F205J").Problem!.For(CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public void Omocodia_turns_back_into_the_digits_of_date_and_place()
    {
        Assert.Equal("BNCLRA92C55F205X", CodiceFiscale.WithoutOmocodia("BNCLRAVNCRRFNLRX"));
    }

    [Theory]
    [InlineData("12345670017", "12345670017")]
    [InlineData("IT 08701230156", "08701230156")]
    [InlineData("it05123980764", "05123980764")]
    [InlineData("773.310.012.12", "77331001212")] // office 121
    public void Valid_partite_iva_are_normalized(string input, string normalized)
    {
        var result = PartitaIva.Validate(input);
        Assert.True(result.Valid, result.Message);
        Assert.Equal(normalized, result.Normalized);
    }

    [Theory]
    [InlineData("12345670018", "dovrebbe essere 7, non 8")]
    [InlineData("00000000000", "soli zeri")]
    [InlineData("1234567001", "ci sono 10 caratteri")]
    [InlineData("1234567A017", "non tutti cifre")]
    [InlineData("12345672005", "Le cifre 8-10 (200)")]
    [InlineData("   ", "obbligatoria")]
    public void Invalid_partite_iva_say_what_is_wrong(string input, string expected)
    {
        var result = PartitaIva.Validate(input);
        Assert.False(result.Valid);
        Assert.Contains(expected, result.Problem!.Italian);
    }

    [Theory]
    [InlineData("IT60 X054 2811 1010 0000 0123 456", "IT60X0542811101000000123456")]
    [InlineData("it98k0306909606100000063123", "IT98K0306909606100000063123")]
    [InlineData("CH93 0076 2011 6238 5295 7", "CH9300762011623852957")]
    [InlineData("SM74A0322509800000270100372", "SM74A0322509800000270100372")]
    [InlineData("DE89 3704 0044 0532 0130 00", "DE89370400440532013000")]
    public void Valid_ibans_are_normalized(string input, string normalized)
    {
        var result = Iban.Validate(input);
        Assert.True(result.Valid, result.Message);
        Assert.Equal(normalized, result.Normalized);
    }

    [Theory]
    [InlineData("IT61X0542811101000000123456", "cifre di controllo")]
    [InlineData("IT60X054281110100000012345", "ha 27 caratteri, questo ne ha 26")]
    [InlineData("CH930076201162385295", "ha 21 caratteri")]
    [InlineData("IT6010542811101000000123456", "CIN")]
    [InlineData("QQ60X0542811101000000123456", "«QQ» non è un Paese")]
    [InlineData("60X0542811101000000123456", "sigla del Paese")]
    [InlineData("IT60X05428111010000001234$6", "solo lettere e cifre")]
    public void Invalid_ibans_say_what_is_wrong(string input, string expected)
    {
        var result = Iban.Validate(input);
        Assert.False(result.Valid);
        Assert.Contains(expected, result.Problem!.Italian);
    }

    [Fact]
    public void An_iban_is_printed_in_groups_of_four() =>
        Assert.Equal("IT60 X054 2811 1010 0000 0123 456", Iban.Grouped("IT60X0542811101000000123456"));

    [Theory]
    [InlineData("20121", true)]
    [InlineData(" 00118 ", true)]
    [InlineData("00000", false)]
    [InlineData("2012", false)]
    [InlineData("2O121", false)]
    public void Caps_are_five_digits(string input, bool valid) => Assert.Equal(valid, Cap.Validate(input).Valid);

    [Theory]
    [InlineData("mi", true, "MI")]
    [InlineData("RM", true, "RM")]
    [InlineData("SU", true, "SU")]
    [InlineData("XX", false, "XX")]
    [InlineData("Milano", false, "MILANO")]
    public void Provinces_are_their_sigla(string input, bool valid, string normalized)
    {
        var result = Provincia.Validate(input);
        Assert.Equal(valid, result.Valid);
        Assert.Equal(normalized, result.Normalized);
    }

    [Theory]
    [InlineData("0000000", true)]
    [InlineData("m5uxcr1", true)] // a business, lower case
    [InlineData("UF8A2B", true)] // a public office
    [InlineData("ABC12", false)]
    [InlineData("ABCD1234", false)]
    [InlineData("ABC-123", false)]
    public void Sdi_codes_are_seven_characters_or_six_for_public_offices(string input, bool valid) =>
        Assert.Equal(valid, CodiceDestinatario.Validate(input).Valid);

    [Fact]
    public void A_public_office_code_has_six_characters()
    {
        Assert.True(CodiceDestinatario.ValidatePublicOffice("UF8A2B").Valid);
        Assert.False(CodiceDestinatario.ValidatePublicOffice("M5UXCR1").Valid);
    }
}
