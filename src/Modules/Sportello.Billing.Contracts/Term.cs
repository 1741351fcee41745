using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Sportello.Core.Text;

namespace Sportello.Billing;

/// <summary>
/// How long a purchase lasts: a number of months or years, or one-off (credits, set-up fees). Written as a short
/// stable code in recipes, forms and stored lines: <c>1y</c>, <c>2y</c>, <c>3y</c>, <c>1m</c>, <c>one-off</c>.
/// </summary>
[JsonConverter(typeof(TermJsonConverter))]
public readonly record struct Term
{
    public const string OneOffCode = "one-off";

    private Term(TermUnit unit, int count)
    {
        Unit = unit;
        Count = count;
    }

    public TermUnit Unit { get; }

    /// <summary>How many months or years; 0 for one-off.</summary>
    public int Count { get; }

    public static Term OneOff { get; } = new(TermUnit.OneOff, 0);

    public static Term Monthly { get; } = new(TermUnit.Month, 1);

    public static Term Years(int count) =>
        count is >= 1 and <= 3 ? new(TermUnit.Year, count) : throw new ArgumentOutOfRangeException(nameof(count), count, "A term is 1, 2 or 3 years.");

    public string Code => Unit switch
    {
        TermUnit.Year => Count.ToString(CultureInfo.InvariantCulture) + "y",
        TermUnit.Month => Count.ToString(CultureInfo.InvariantCulture) + "m",
        _ => OneOffCode,
    };

    /// <summary>The term of a code, or null when the code is none of the known ones.</summary>
    public static Term? Find(string? code) => code?.Trim().ToLowerInvariant() switch
    {
        OneOffCode => OneOff,
        "1m" => Monthly,
        "1y" => Years(1),
        "2y" => Years(2),
        "3y" => Years(3),
        _ => null,
    };

    /// <summary>
    /// The expiry a period starting on <paramref name="from"/> reaches. A renewal passes the current expiry, never the
    /// payment date, so paying early loses nothing and paying late gains nothing. Month ends clamp (31 January + 1 month
    /// is 28 or 29 February; 29 February + 1 year is 28 February). One-off terms have no expiry.
    /// </summary>
    public DateOnly? End(DateOnly from) => Unit switch
    {
        TermUnit.Year => from.AddYears(Count),
        TermUnit.Month => from.AddMonths(Count),
        _ => null,
    };

    /// <summary>The term's name for a person: "1 anno" / "1 year", "mensile" / "monthly", "una tantum" / "one-off".</summary>
    public LocalizedText Name => (Unit, Count) switch
    {
        (TermUnit.Year, 1) => new("1 anno", "1 year"),
        (TermUnit.Year, var n) => new($"{n} anni", $"{n} years"),
        (TermUnit.Month, _) => new("mensile", "monthly"),
        _ => new("una tantum", "one-off"),
    };

    public override string ToString() => Code;
}

public enum TermUnit
{
    OneOff,
    Month,
    Year,
}

/// <summary>A term travels as its code in events and JSON (<c>"1y"</c>), the way recipes and forms write it.</summary>
public sealed class TermJsonConverter : JsonConverter<Term>
{
    public override Term Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Term.Find(reader.GetString()) ?? throw new JsonException($"'{reader.GetString()}' is not a term (1y, 2y, 3y, 1m, one-off).");

    public override void Write(Utf8JsonWriter writer, Term value, JsonSerializerOptions options) => writer.WriteStringValue(value.Code);
}
