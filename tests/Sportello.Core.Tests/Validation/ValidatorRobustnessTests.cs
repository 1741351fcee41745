using Sportello.Core.Validation;

namespace Sportello.Core.Tests.Validation;

/// <summary>No validator throws, whatever it is given: every kind over hostile strings and thousands of random ones.</summary>
public sealed class ValidatorRobustnessTests
{
    public static TheoryData<string> Kinds => [.. Validators.ByKind.Keys];

    private static readonly string?[] Hostile =
    [
        null, "", " ", "\t\r\n", "\0", new string('A', 10_000), new string('9', 10_000), "😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀😀",
        "BNCLRA92C55F205\u0301", "\u202EBNCLRA92C55F205C", "ＢＮＣＬＲＡ９２Ｃ５５Ｆ２０５Ｃ", "IT", "IT60", "+", "++39", "@", "@@",
        "<script>alert(1)</script>", "' OR 1=1 --", "%00", "\uFFFF\uFFFE", "\uD800", "ı", "İSTANBUL", "ß", "0", "-1",
    ];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Hostile_inputs_get_an_answer_not_an_exception(string kind)
    {
        foreach (var input in Hostile)
        {
            var result = Validators.ByKind[kind](input);
            Assert.NotNull(result.Normalized);
            Assert.True(result.Valid || result.Message is { Length: > 0 }, $"{kind}: no reason for refusing '{input}'");
            Assert.True(result.Normalized.Length <= 100, $"{kind}: the answer repeats a long input");
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Random_strings_get_an_answer_not_an_exception(string kind)
    {
        var random = new Random(20261201);
        const string alphabet = "ABCDEHLMPRSTUVXZ0123456789 abc+-./@()ÀÈ\u00A0\u2028😀\0\t";
        for (var i = 0; i < 5_000; i++)
        {
            var length = random.Next(0, 40);
            var chars = new char[length];
            for (var j = 0; j < length; j++)
            {
                chars[j] = random.Next(10) == 0 ? (char)random.Next(0, 0xFFFF) : alphabet[random.Next(alphabet.Length)];
            }

            var result = Validators.ByKind[kind](new string(chars));
            Assert.True(result.Valid || result.Message is { Length: > 0 });
        }
    }
}
