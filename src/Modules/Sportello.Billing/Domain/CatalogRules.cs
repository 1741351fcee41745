using System.Text.RegularExpressions;
using Sportello.Billing.Recipes;
using Sportello.Core.Validation;

namespace Sportello.Billing.Domain;

/// <summary>What a catalog product must be, for the recipe step and the back office alike.</summary>
public static partial class CatalogRules
{
    public const string CodeRule = "Un codice di 2-60 caratteri fra lettere minuscole, cifre e trattini (assistenza-annuale).";

    /// <summary>The natures of a zero-rated line in an Italian electronic invoice.</summary>
    public static readonly IReadOnlySet<string> Natures = new HashSet<string>(StringComparer.Ordinal)
    {
        "N1", "N2.1", "N2.2", "N3.1", "N3.2", "N3.3", "N3.4", "N3.5", "N3.6", "N4", "N5", "N6.1", "N6.2", "N6.3", "N6.4", "N6.5", "N6.6", "N6.7", "N6.8", "N6.9", "N7",
    };

    public static bool IsCode(string? code) => code is not null && CodePattern().IsMatch(code);

    public static IEnumerable<ValidationProblem> Check(ProductStepModel product)
    {
        if (!IsCode(product.Code))
        {
            yield return new("code", CodeRule);
        }

        if (string.IsNullOrWhiteSpace(product.Name) || product.Name.Length > 200)
        {
            yield return new("name", "Il nome è obbligatorio, al massimo 200 caratteri.");
        }

        if (product.VatPercent is < 0 or > 100)
        {
            yield return new("vatPercent", "L'aliquota IVA va da 0 a 100.");
        }
        else if (product.VatPercent == 0 && (product.VatNature is null || !Natures.Contains(product.VatNature)))
        {
            yield return new("vatNature", "Una riga senza IVA indica la natura dell'esenzione (N1, N2.1, N2.2, N3.1-N3.6, N4, N5, N6.1-N6.9, N7).");
        }
        else if (product.VatPercent > 0 && product.VatNature is not null)
        {
            yield return new("vatNature", "La natura si indica solo per le righe senza IVA.");
        }

        if (product.Prices.Count == 0)
        {
            yield return new("prices", "Un prodotto ha almeno un prezzo.");
        }

        foreach (var (term, amount) in product.Prices)
        {
            if (Term.Find(term) is null)
            {
                yield return new($"prices.{term}", "Durate: 1y, 2y, 3y, 1m, one-off.");
            }
            else if (amount < 0 || decimal.Round(amount, 2) != amount)
            {
                yield return new($"prices.{term}", "Un prezzo non negativo, al centesimo.");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,59}$")]
    private static partial Regex CodePattern();
}
