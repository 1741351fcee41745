using Sportello.Core.Validation;

namespace Sportello.Organizations.Domain;

/// <summary>
/// An organization's legal and contact data as a form or a recipe gives it, checked with the kernel's validators:
/// each problem names its field; <see cref="Apply"/> writes the normalized values.
/// </summary>
public sealed record LegalData
{
    public string? LegalName { get; init; }
    public OrganizationKind Kind { get; init; }
    public string? CodiceFiscale { get; init; }
    public string? PartitaIva { get; init; }
    public string? Street { get; init; }
    public string? Cap { get; init; }
    public string? City { get; init; }
    public string? Province { get; init; }
    public string? Pec { get; init; }
    public string? RecipientCode { get; init; }
    public string? ContactEmail { get; init; }
    public string? ContactPhone { get; init; }
    public string Language { get; init; } = "it";

    public static LegalData Of(Organization o) => new()
    {
        LegalName = o.LegalName, Kind = o.Kind, CodiceFiscale = o.CodiceFiscale, PartitaIva = o.PartitaIva, Street = o.Street, Cap = o.Cap,
        City = o.City, Province = o.Province, Pec = o.Pec, RecipientCode = o.RecipientCode, ContactEmail = o.ContactEmail,
        ContactPhone = o.ContactPhone, Language = o.Language,
    };

    /// <summary>The problems, field by field (names as in this record); empty when the data can be saved.</summary>
    public IReadOnlyList<ValidationProblem> Check()
    {
        var problems = new List<ValidationProblem>();
        if (string.IsNullOrWhiteSpace(LegalName))
        {
            problems.Add(new(nameof(LegalName), Text("La ragione sociale o il nome è obbligatorio.", "The legal name is required.")));
        }
        else if (LegalName.Trim().Length > Organization.MaxName)
        {
            problems.Add(new(nameof(LegalName), Text($"Al massimo {Organization.MaxName} caratteri.", $"At most {Organization.MaxName} characters.")));
        }

        if (!Enum.IsDefined(Kind))
        {
            problems.Add(new(nameof(Kind), Text("Scegli il tipo di cliente.", "Choose the kind of customer.")));
        }

        // A person is known by the codice fiscale; a business needs its partita IVA; a public body has its numeric codice fiscale.
        if (Kind == OrganizationKind.Person && Blank(CodiceFiscale))
        {
            problems.Add(new(nameof(CodiceFiscale), Text("Per una persona il codice fiscale è obbligatorio.", "A person's codice fiscale is required.")));
        }

        if (Kind is OrganizationKind.SoleTrader or OrganizationKind.Company && Blank(PartitaIva))
        {
            problems.Add(new(nameof(PartitaIva), Text("Per un'impresa la partita IVA è obbligatoria.", "A business needs its partita IVA.")));
        }

        if (Kind == OrganizationKind.PublicBody && Blank(CodiceFiscale))
        {
            problems.Add(new(nameof(CodiceFiscale), Text("Per un ente pubblico il codice fiscale è obbligatorio.", "A public body's codice fiscale is required.")));
        }

        Field(problems, nameof(CodiceFiscale), CodiceFiscale, Core.Validation.CodiceFiscale.Validate);
        Field(problems, nameof(PartitaIva), PartitaIva, Core.Validation.PartitaIva.Validate);
        Field(problems, nameof(Cap), Cap, Core.Validation.Cap.Validate);
        Field(problems, nameof(Province), Province, Provincia.Validate);
        Field(problems, nameof(Pec), Pec, EmailAddress.Validate);
        Field(problems, nameof(ContactEmail), ContactEmail, EmailAddress.Validate);
        Field(problems, nameof(ContactPhone), ContactPhone, v => PhoneNumber.Validate(v));
        Field(problems, nameof(RecipientCode), RecipientCode, Kind == OrganizationKind.PublicBody ? CodiceDestinatario.ValidatePublicOffice : CodiceDestinatario.Validate);
        if (Language is not ("it" or "en"))
        {
            problems.Add(new(nameof(Language), Text("Scegli italiano o inglese.", "Choose Italian or English.")));
        }

        return problems;
    }

    /// <summary>Writes the data, normalized, to <paramref name="organization"/>; call only after <see cref="Check"/> found nothing.</summary>
    public void Apply(Organization organization)
    {
        organization.LegalName = LegalName!.Trim();
        organization.Kind = Kind;
        organization.CodiceFiscale = Normalized(CodiceFiscale, Core.Validation.CodiceFiscale.Validate);
        organization.PartitaIva = Normalized(PartitaIva, Core.Validation.PartitaIva.Validate);
        organization.Street = Trimmed(Street);
        organization.Cap = Normalized(Cap, Core.Validation.Cap.Validate);
        organization.City = Trimmed(City);
        organization.Province = Normalized(Province, Provincia.Validate);
        organization.Pec = Normalized(Pec, EmailAddress.Validate);
        organization.RecipientCode = Normalized(RecipientCode, Kind == OrganizationKind.PublicBody ? CodiceDestinatario.ValidatePublicOffice : CodiceDestinatario.Validate);
        organization.ContactEmail = Normalized(ContactEmail, EmailAddress.Validate);
        organization.ContactPhone = Normalized(ContactPhone, v => PhoneNumber.Validate(v));
        organization.Language = Language;
    }

    private static void Field(List<ValidationProblem> problems, string field, string? value, Func<string?, Checked> validate)
    {
        if (!Blank(value) && validate(value).Message is { } message)
        {
            problems.Add(new(field, message));
        }
    }

    private static string? Normalized(string? value, Func<string?, Checked> validate) => Blank(value) ? null : validate(value).Normalized;

    private static string? Trimmed(string? value) => Blank(value) ? null : value!.Trim()[..Math.Min(value!.Trim().Length, 200)];

    private static bool Blank(string? value) => string.IsNullOrWhiteSpace(value);

    private static string Text(string italian, string english) => new Core.Text.LocalizedText(italian, english).ToString();
}
