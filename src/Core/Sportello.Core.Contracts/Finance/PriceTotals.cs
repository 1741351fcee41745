namespace Sportello.Core.Finance;

/// <summary>
/// The totals of a list of lines, reconciled: VAT is computed once per rate on the sum of that rate's lines (as an
/// electronic invoice's summary does), then shared out among the lines by the largest remainder, so the lines' VAT,
/// the summaries and the total always add up to the cent.
/// </summary>
public sealed record PriceTotals(IReadOnlyList<PricedLine> Lines, IReadOnlyList<VatSummary> Summaries, Money Net, Money Vat, Money Gross)
{
    public static PriceTotals Of(IReadOnlyList<PriceLine> lines, Currency currency)
    {
        var priced = new PricedLine[lines.Count];
        var summaries = new List<VatSummary>();
        foreach (var rate in lines.Select(l => l.Vat).Distinct().OrderByDescending(r => r.Percent))
        {
            var indexes = Enumerable.Range(0, lines.Count).Where(i => lines[i].Vat == rate).ToList();
            var taxable = Money.Sum(indexes.Select(i => lines[i].Net), currency);
            var tax = (taxable * rate.Factor).Rounded();
            var shares = Share(tax, indexes.Select(i => lines[i].Net).ToList(), taxable);
            for (var k = 0; k < indexes.Count; k++)
            {
                priced[indexes[k]] = new PricedLine(lines[indexes[k]], lines[indexes[k]].Net, shares[k]);
            }

            summaries.Add(new VatSummary(rate, taxable, tax));
        }

        var net = Money.Sum(priced.Select(p => p.Net), currency);
        var vat = Money.Sum(summaries.Select(s => s.Tax), currency);
        return new PriceTotals(priced, summaries, net, vat, net + vat);
    }

    // Each line's exact share, rounded down to cents; the cents left over go to the lines that lost the most.
    private static List<Money> Share(Money tax, List<Money> nets, Money taxable)
    {
        if (taxable.IsZero)
        {
            return nets.Select(n => Money.Zero(n.Currency)).ToList();
        }

        var exact = nets.Select(n => tax.Amount * n.Amount / taxable.Amount).ToList();
        var floors = exact.Select(e => Math.Floor(e * 100m) / 100m).ToList();
        var leftover = (int)Math.Round((tax.Amount - floors.Sum()) * 100m);
        foreach (var i in Enumerable.Range(0, nets.Count).OrderByDescending(i => exact[i] - floors[i]).ThenBy(i => i).Take(Math.Max(leftover, 0)))
        {
            floors[i] += 0.01m;
        }

        return floors.Select(f => new Money(f, tax.Currency)).ToList();
    }
}
