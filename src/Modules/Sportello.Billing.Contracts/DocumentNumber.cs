using System.Globalization;

namespace Sportello.Billing;

/// <summary>
/// The number of an order or a document: the year, a dash and a gapless sequence of six digits (<c>2026-000123</c>),
/// per tenant, per year and per kind (orders, pro-formas and invoices each count on their own).
/// </summary>
public readonly record struct DocumentNumber(int Year, long Sequence)
{
    public override string ToString() =>
        Year.ToString("0000", CultureInfo.InvariantCulture) + "-" + Sequence.ToString("000000", CultureInfo.InvariantCulture);

    /// <summary>The number written as <see cref="ToString"/> writes it, or null.</summary>
    public static DocumentNumber? Parse(string? text)
    {
        var parts = text?.Trim().Split('-');
        return parts is [var year, var sequence]
               && year.Length == 4 && int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
               && sequence.Length >= 6 && long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0
            ? new DocumentNumber(y, s)
            : null;
    }
}
