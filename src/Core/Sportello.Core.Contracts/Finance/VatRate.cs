namespace Sportello.Core.Finance;

/// <summary>A VAT rate as a percentage (22 for Italy's ordinary rate), with the nature code when it is zero.</summary>
public readonly record struct VatRate(decimal Percent)
{
    public static readonly VatRate ItalyOrdinary = new(22m);

    public decimal Factor => Percent / 100m;

    public override string ToString() => Percent.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
