using System.Globalization;

namespace Sportello.Core.Validation;

/// <summary>
/// The codice fiscale of a person (16 characters: surname, name, birth date and sex, place, check character), with
/// omocodia (digits replaced by letters where the law allows), or the 11-digit number of a company or body, which is
/// checked as a partita IVA.
/// </summary>
public static class CodiceFiscale
{
    private const string Months = "ABCDEHLMPRST";
    private static readonly CultureInfo Italian = CultureInfo.GetCultureInfo("it-IT");

    // Omocodia: a digit at one of these positions may have been replaced by the letter at its index.
    private const string OmocodeLetters = "LMNPQRSTUV";
    private static readonly int[] DigitPositions = [6, 7, 9, 10, 12, 13, 14];

    // The check character's weights for characters in odd positions (1st, 3rd... counting from one), for 0-9 and A-Z.
    private static readonly int[] OddDigits = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21];
    private static readonly int[] OddLetters = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];

    public static Checked Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Checked.Refused(string.Empty, "Il codice fiscale è obbligatorio.", "The codice fiscale is required.");
        }

        if (value.Length > Normalize.MaxInput)
        {
            return Checked.Refused(string.Empty, "Il codice fiscale ha 16 caratteri (11 cifre per una società): questo testo è troppo lungo.",
                "A codice fiscale has 16 characters (11 digits for a company): this text is far too long.");
        }

        var code = Normalize.Compact(value);
        if (code.Length == 11 && code.All(char.IsAsciiDigit))
        {
            var company = PartitaIva.Validate(code);
            return company.Valid
                ? company
                : Checked.Refused(code, "Codice fiscale numerico non valido: " + company.Problem!.Italian,
                    "Invalid numeric codice fiscale: " + company.Problem!.English);
        }

        if (code.Length != 16)
        {
            return Checked.Refused(code,
                $"Il codice fiscale di una persona ha 16 caratteri, questo ne ha {code.Length}.",
                $"A person's codice fiscale has 16 characters, this one has {code.Length}.");
        }

        if (!Normalize.IsAsciiUpperOrDigit(code))
        {
            return Checked.Refused(code, "Il codice fiscale contiene solo lettere e cifre.", "A codice fiscale holds only letters and digits.");
        }

        return CheckShape(code) ?? CheckDate(code) ?? CheckCharacter(code);
    }

    /// <summary>The code with every omocode letter turned back into its digit: the form that tells date and place.</summary>
    public static string WithoutOmocodia(string code)
    {
        var chars = code.ToCharArray();
        foreach (var position in DigitPositions)
        {
            var letter = OmocodeLetters.IndexOf(chars[position]);
            if (letter >= 0)
            {
                chars[position] = (char)('0' + letter);
            }
        }

        return new string(chars);
    }

    private static Checked? CheckShape(string code)
    {
        for (var i = 0; i < 6; i++)
        {
            if (!char.IsAsciiLetterUpper(code[i]))
            {
                return Checked.Refused(code,
                    $"I primi sei caratteri (cognome e nome) sono lettere: il {i + 1}° è «{code[i]}».",
                    $"The first six characters (surname and name) are letters: character {i + 1} is '{code[i]}'.");
            }
        }

        foreach (var position in DigitPositions)
        {
            if (!char.IsAsciiDigit(code[position]) && !OmocodeLetters.Contains(code[position]))
            {
                return Checked.Refused(code,
                    $"Il {position + 1}° carattere deve essere una cifra (o una delle lettere {OmocodeLetters} in caso di omocodia), non «{code[position]}».",
                    $"Character {position + 1} must be a digit (or one of the letters {OmocodeLetters} for omocodia), not '{code[position]}'.");
            }
        }

        if (!Months.Contains(code[8]))
        {
            return Checked.Refused(code,
                $"Il 9° carattere indica il mese di nascita e deve essere una di {string.Join(' ', Months.ToCharArray())}, non «{code[8]}».",
                $"Character 9 is the month of birth and must be one of {string.Join(' ', Months.ToCharArray())}, not '{code[8]}'.");
        }

        if (!char.IsAsciiLetterUpper(code[11]))
        {
            return Checked.Refused(code,
                $"Il 12° carattere (inizio del codice del comune o dello Stato di nascita) è una lettera, non «{code[11]}».",
                $"Character 12 (start of the code of the place of birth) is a letter, not '{code[11]}'.");
        }

        return char.IsAsciiLetterUpper(code[15])
            ? null
            : Checked.Refused(code, $"L'ultimo carattere (di controllo) è una lettera, non «{code[15]}».",
                $"The last (check) character is a letter, not '{code[15]}'.");
    }

    private static Checked? CheckDate(string code)
    {
        var plain = WithoutOmocodia(code);
        var year = int.Parse(plain.AsSpan(6, 2), provider: null);
        var month = Months.IndexOf(plain[8]) + 1;
        var day = int.Parse(plain.AsSpan(9, 2), provider: null);
        var woman = day > 40;
        var dayOfMonth = woman ? day - 40 : day;
        if (dayOfMonth is < 1 or > 31 || day is > 31 and < 41)
        {
            return Checked.Refused(code,
                $"Il giorno di nascita «{day:00}» non esiste: va da 01 a 31 per gli uomini e da 41 a 71 per le donne.",
                $"The day of birth '{day:00}' does not exist: it runs from 01 to 31 for men and from 41 to 71 for women.");
        }

        // Two digits of the year: 29 February is real if either century makes it a leap year.
        var longest = month == 2
            ? (DateTime.IsLeapYear(1900 + year) || DateTime.IsLeapYear(2000 + year) ? 29 : 28)
            : DateTime.DaysInMonth(2001, month);
        if (dayOfMonth > longest)
        {
            return Checked.Refused(code,
                $"La data di nascita non esiste: il {dayOfMonth} {Italian.DateTimeFormat.GetMonthName(month)} (il 9° carattere è il mese, il 10° e l'11° il giorno).",
                $"The date of birth does not exist: {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(month)} {dayOfMonth} (character 9 is the month, 10 and 11 the day).");
        }

        return null;
    }

    private static Checked CheckCharacter(string code)
    {
        var expected = ExpectedCheckCharacter(code);
        return code[15] == expected
            ? Checked.Ok(code)
            : Checked.Refused(code,
                $"Il carattere di controllo non corrisponde: con questi primi 15 caratteri l'ultimo dovrebbe essere «{expected}», non «{code[15]}». Controlla di aver copiato bene il codice.",
                $"The check character does not match: with these first 15 characters the last should be '{expected}', not '{code[15]}'. Check the code was copied correctly.");
    }

    internal static char ExpectedCheckCharacter(string code)
    {
        var sum = 0;
        for (var i = 0; i < 15; i++)
        {
            var c = code[i];
            if (i % 2 == 0)
            {
                sum += char.IsAsciiDigit(c) ? OddDigits[c - '0'] : OddLetters[c - 'A'];
            }
            else
            {
                sum += char.IsAsciiDigit(c) ? c - '0' : c - 'A';
            }
        }

        return (char)('A' + sum % 26);
    }
}
