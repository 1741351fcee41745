namespace Sportello.Billing.FatturaPa;

/// <summary>What each VAT nature code means, for the summary's legal reference (our wording, short enough for its 100 characters).</summary>
public static class VatNatures
{
    public static string Describe(string nature) => nature switch
    {
        "N1" => "Escluse ex art. 15 DPR 633/72",
        "N2.1" => "Non soggette ad IVA, artt. da 7 a 7-septies DPR 633/72",
        "N2.2" => "Non soggette ad IVA, altri casi",
        "N3.1" => "Non imponibili, esportazioni",
        "N3.2" => "Non imponibili, cessioni intracomunitarie",
        "N3.3" => "Non imponibili, cessioni verso San Marino",
        "N3.4" => "Non imponibili, operazioni assimilate alle esportazioni",
        "N3.5" => "Non imponibili a seguito di dichiarazione d'intento",
        "N3.6" => "Non imponibili, altre operazioni",
        "N4" => "Esenti ex art. 10 DPR 633/72",
        "N5" => "Regime del margine",
        "N7" => "IVA assolta in altro Stato UE",
        _ when nature.StartsWith("N6", StringComparison.Ordinal) => "Inversione contabile (reverse charge)",
        _ => nature,
    };
}
