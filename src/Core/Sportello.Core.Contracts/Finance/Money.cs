using System.Globalization;

namespace Sportello.Core.Finance;

/// <summary>
/// An amount in a currency. Arithmetic between two currencies is refused (nothing converts silently); amounts are
/// rounded half-up (away from zero) to cents when asked, which is how prices, VAT and totals are rounded.
/// </summary>
public readonly record struct Money(decimal Amount, Currency Currency) : IComparable<Money>
{
    public static Money Zero(Currency currency) => new(0m, currency);

    public static Money Euros(decimal amount) => new(amount, Currency.Eur);

    public static Money Francs(decimal amount) => new(amount, Currency.Chf);

    /// <summary>Half-up to cents: 0,005 → 0,01 and -0,005 → -0,01.</summary>
    public Money Rounded() => this with { Amount = RoundCents(Amount) };

    public static decimal RoundCents(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);

    /// <summary>In cents (both currencies have two decimals), as payment providers count: 12,30 € → 1230.</summary>
    public long MinorUnits => (long)(RoundCents(Amount) * 100m);

    public static Money FromMinorUnits(long units, Currency currency) => new(units / 100m, currency);

    public bool IsZero => Amount == 0m;

    public bool IsNegative => Amount < 0m;

    public static Money operator +(Money left, Money right) => new(left.Amount + right.Amount, Same(left, right));

    public static Money operator -(Money left, Money right) => new(left.Amount - right.Amount, Same(left, right));

    public static Money operator -(Money value) => value with { Amount = -value.Amount };

    public static Money operator *(Money value, decimal factor) => value with { Amount = value.Amount * factor };

    public static Money operator *(decimal factor, Money value) => value * factor;

    public static bool operator <(Money left, Money right) => left.CompareTo(right) < 0;

    public static bool operator >(Money left, Money right) => left.CompareTo(right) > 0;

    public static bool operator <=(Money left, Money right) => left.CompareTo(right) <= 0;

    public static bool operator >=(Money left, Money right) => left.CompareTo(right) >= 0;

    public int CompareTo(Money other)
    {
        Same(this, other);
        return Amount.CompareTo(other.Amount);
    }

    /// <summary>The sum of amounts in one currency; an empty list sums to zero in <paramref name="currency"/>.</summary>
    public static Money Sum(IEnumerable<Money> amounts, Currency currency) =>
        amounts.Aggregate(Zero(currency), (total, amount) => total + amount);

    /// <summary>Rounded to cents and written for <paramref name="culture"/>: 1.234,50 €, €1,234.50, CHF 1'234.50.</summary>
    public string ToString(CultureInfo culture) => Currency.Format(RoundCents(Amount), culture);

    public override string ToString() => ToString(CultureInfo.CurrentCulture);

    private static Currency Same(Money left, Money right) =>
        left.Currency == right.Currency
            ? left.Currency
            : throw new CurrencyMismatchException(left.Currency, right.Currency);
}

/// <summary>Two amounts in different currencies were added, subtracted or compared.</summary>
public sealed class CurrencyMismatchException(Currency left, Currency right)
    : InvalidOperationException($"Cannot combine {left.Code} and {right.Code}: amounts in different currencies are never mixed.");
