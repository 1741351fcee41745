using System.Globalization;

namespace Sportello.Core.Finance;

/// <summary>An ISO 4217 currency the product sells in, with the way its amounts are written.</summary>
public sealed class Currency : IEquatable<Currency>
{
    public static readonly Currency Eur = new("EUR", "€", symbolFirst: false, groupSeparator: ".", decimalSeparator: ",");

    // Swiss usage in every language: CHF 1'234.50.
    public static readonly Currency Chf = new("CHF", "CHF", symbolFirst: true, groupSeparator: "'", decimalSeparator: ".");

    private static readonly IReadOnlyDictionary<string, Currency> Known = new Dictionary<string, Currency>(StringComparer.OrdinalIgnoreCase)
    {
        [Eur.Code] = Eur,
        [Chf.Code] = Chf,
    };

    private readonly bool _symbolFirst;
    private readonly NumberFormatInfo _italian;

    private Currency(string code, string symbol, bool symbolFirst, string groupSeparator, string decimalSeparator)
    {
        Code = code;
        Symbol = symbol;
        _symbolFirst = symbolFirst;
        _italian = new NumberFormatInfo { NumberGroupSeparator = groupSeparator, NumberDecimalSeparator = decimalSeparator, NegativeSign = "-" };
    }

    public string Code { get; }

    public string Symbol { get; }

    public static IEnumerable<Currency> All => Known.Values;

    /// <summary>The currency of an ISO code (case-insensitive), or null when the product does not sell in it.</summary>
    public static Currency? Find(string? code) => code is not null && Known.TryGetValue(code.Trim(), out var currency) ? currency : null;

    public static Currency Parse(string code) =>
        Find(code) ?? throw new ArgumentException($"'{code}' is not a currency Sportello sells in ({string.Join(", ", Known.Keys)}).", nameof(code));

    /// <summary>
    /// The amount as people read it: euros the Italian way (1.234,50 €) and, for English readers, the English way
    /// (€1,234.50); Swiss francs the Swiss way in every language (CHF 1'234.50). A no-break space keeps sign and number together.
    /// </summary>
    internal string Format(decimal amount, CultureInfo culture)
    {
        var english = culture.TwoLetterISOLanguageName == "en";
        if (this == Eur && english)
        {
            var number = Math.Abs(amount).ToString("N2", CultureInfo.InvariantCulture);
            return (amount < 0 ? "-" : string.Empty) + Symbol + number;
        }

        var digits = Math.Abs(amount).ToString("N2", _italian);
        var sign = amount < 0 ? "-" : string.Empty;
        return _symbolFirst ? $"{Symbol}\u00A0{sign}{digits}" : $"{sign}{digits}\u00A0{Symbol}";
    }

    public bool Equals(Currency? other) => other is not null && Code == other.Code;

    public override bool Equals(object? obj) => Equals(obj as Currency);

    public override int GetHashCode() => Code.GetHashCode(StringComparison.Ordinal);

    public static bool operator ==(Currency? left, Currency? right) => left?.Equals(right) ?? right is null;

    public static bool operator !=(Currency? left, Currency? right) => !(left == right);

    public override string ToString() => Code;
}
