namespace Sportello.Core.Validation;

/// <summary>
/// Where the exchange system (SDI) delivers an electronic invoice: the 7-character codice destinatario of a business
/// (0000000 when invoices go to a PEC address or the customer area of the Agenzia), or the 6-character codice univoco
/// ufficio of a public administration office.
/// </summary>
public static class CodiceDestinatario
{
    public const int Business = 7;
    public const int PublicOffice = 6;

    public static Checked Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Checked.Refused(string.Empty, "Il codice destinatario è obbligatorio (0000000 se le fatture arrivano via PEC).",
                "The recipient code is required (0000000 when invoices arrive by PEC).");
        }

        if (value.Length > Normalize.MaxInput)
        {
            return Checked.Refused(string.Empty, "Il codice destinatario ha 7 caratteri (6 per un ufficio pubblico): questo testo è troppo lungo.",
                "A recipient code has 7 characters (6 for a public office): this text is far too long.");
        }

        var code = Normalize.Compact(value);
        if (!Normalize.IsAsciiUpperOrDigit(code))
        {
            return Checked.Refused(code, "Il codice destinatario contiene solo lettere e cifre.", "A recipient code holds only letters and digits.");
        }

        return code.Length is Business or PublicOffice
            ? Checked.Ok(code)
            : Checked.Refused(code,
                $"Il codice destinatario ha 7 caratteri per un'impresa o un professionista e 6 per un ufficio della pubblica amministrazione; questo ne ha {code.Length}.",
                $"A recipient code has 7 characters for a business and 6 for a public administration office; this one has {code.Length}.");
    }

    /// <summary>A 6-character code only: the codice univoco ufficio of the public administration.</summary>
    public static Checked ValidatePublicOffice(string? value)
    {
        var result = Validate(value);
        return !result.Valid || result.Normalized.Length == PublicOffice
            ? result
            : Checked.Refused(result.Normalized, "Il codice univoco di un ufficio pubblico ha 6 caratteri.", "A public office's code has 6 characters.");
    }
}
