using Sportello.Organizations;

namespace Sportello.Billing.Domain;

/// <summary>
/// What a buyer must have given before it orders from a seller that issues e-invoices: an Italian business or public
/// body its tax code, seat and recipient (code or PEC, or the office code), a consumer its codice fiscale and
/// address, a buyer abroad its address. Found missing at the order, where the customer can still complete it, never
/// at invoicing.
/// </summary>
public static class EInvoiceRequirements
{
    public static IReadOnlyList<Core.Validation.ValidationProblem> Missing(BillingProfile seller, OrganizationProfile buyer)
    {
        var problems = new List<Core.Validation.ValidationProblem>();
        if (!seller.IssuesEInvoices)
        {
            return problems;
        }

        void Need(string field, string italian, string english) => problems.Add(new($"organization.{field}", BillingText.Of(
            $"Per la fattura elettronica manca {italian} dell'organizzazione: completalo in «Organizzazione» e poi ordina.",
            $"The e-invoice needs the organization's {english}: complete it under \"Organization\", then order.")));

        // A buyer abroad is named by its address; a consumer here by its codice fiscale (check 00417).
        if (buyer.Country != "IT" || buyer.Kind == OrganizationKind.Person)
        {
            if (Blank(buyer.Street) || Blank(buyer.City))
            {
                Need("street", "l'indirizzo (via e comune)", "address (street and town)");
            }

            if (buyer.Country == "IT" && Blank(buyer.CodiceFiscale))
            {
                Need("codiceFiscale", "il codice fiscale", "codice fiscale");
            }

            return problems;
        }

        if (buyer.Kind == OrganizationKind.PublicBody ? Blank(buyer.CodiceFiscale) && Blank(buyer.PartitaIva) : Blank(buyer.PartitaIva))
        {
            Need(buyer.Kind == OrganizationKind.PublicBody ? "codiceFiscale" : "partitaIva",
                buyer.Kind == OrganizationKind.PublicBody ? "il codice fiscale" : "la partita IVA", buyer.Kind == OrganizationKind.PublicBody ? "codice fiscale" : "partita IVA");
        }

        if (Blank(buyer.Street) || Blank(buyer.Cap) || Blank(buyer.City))
        {
            Need("street", "l'indirizzo della sede (via, CAP e comune)", "registered address (street, postcode and town)");
        }

        if (buyer.Kind == OrganizationKind.PublicBody)
        {
            if (buyer.RecipientCode?.Trim().Length != 6)
            {
                Need("recipientCode", "il codice univoco ufficio (6 caratteri)", "office code (6 characters)");
            }
        }
        else if (!HasRecipientCode(buyer) && Blank(buyer.Pec))
        {
            Need("recipientCode", "il codice destinatario SDI (7 caratteri) o l'indirizzo PEC", "SDI recipient code (7 characters) or PEC address");
        }

        return problems;
    }

    /// <summary>An Italian public body buying from an Italian seller that charges VAT pays it to the State.</summary>
    public static bool SplitsPayment(BillingProfile seller, OrganizationProfile buyer) =>
        seller.IssuesEInvoices && buyer.Kind == OrganizationKind.PublicBody && buyer.Country == "IT";

    // 0000000 is the code of "no code": the invoice then goes to the PEC address.
    private static bool HasRecipientCode(OrganizationProfile buyer) =>
        buyer.RecipientCode?.Trim() is { Length: 7 } code && code != FatturaPa.FatturaPaWriter.NoCode;

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);
}
