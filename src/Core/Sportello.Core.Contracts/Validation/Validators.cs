using System.Collections.Frozen;

namespace Sportello.Core.Validation;

/// <summary>The validators by the name pages use for live validation (<c>data-validate="codice-fiscale"</c>).</summary>
public static class Validators
{
    public static readonly FrozenDictionary<string, Func<string?, Checked>> ByKind = new Dictionary<string, Func<string?, Checked>>
    {
        ["codice-fiscale"] = CodiceFiscale.Validate,
        ["partita-iva"] = PartitaIva.Validate,
        ["iban"] = Iban.Validate,
        ["email"] = EmailAddress.Validate,
        ["phone"] = value => PhoneNumber.Validate(value),
        ["cap"] = Cap.Validate,
        ["provincia"] = Provincia.Validate,
        ["sdi"] = CodiceDestinatario.Validate,
    }.ToFrozenDictionary(StringComparer.Ordinal);
}
