namespace Sportello.Core.Validation;

/// <summary>
/// The partita IVA: 11 digits (7 of the taxpayer, 3 of the provincial office, 1 check digit), optionally written
/// with the <c>IT</c> prefix of the VAT number; stored without it.
/// </summary>
public static class PartitaIva
{
    public static Checked Validate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Checked.Refused(string.Empty, "La partita IVA è obbligatoria.", "The partita IVA is required.");
        }

        if (value.Length > Normalize.MaxInput)
        {
            return Checked.Refused(string.Empty, "La partita IVA ha 11 cifre: questo testo è troppo lungo.", "A partita IVA has 11 digits: this text is far too long.");
        }

        var number = Normalize.Compact(value, dropSeparators: true);
        if (number.StartsWith("IT", StringComparison.Ordinal))
        {
            number = number[2..];
        }

        if (number.Length != 11 || !number.All(char.IsAsciiDigit))
        {
            return Checked.Refused(number,
                $"La partita IVA è fatta di 11 cifre (eventualmente precedute da IT); qui ci sono {number.Length} caratteri{(number.All(char.IsAsciiDigit) ? "" : ", non tutti cifre")}.",
                $"A partita IVA is 11 digits (optionally after IT); this has {number.Length} characters{(number.All(char.IsAsciiDigit) ? "" : ", not all digits")}.");
        }

        if (number.All(c => c == '0'))
        {
            return Checked.Refused(number, "Una partita IVA di soli zeri non esiste.", "A partita IVA of zeros only does not exist.");
        }

        var office = int.Parse(number.AsSpan(7, 3), provider: null);
        if (office is not (>= 1 and <= 100 or 120 or 121 or 888 or 999))
        {
            return Checked.Refused(number,
                $"Le cifre 8-10 ({number.Substring(7, 3)}) indicano l'ufficio che ha attribuito la partita IVA e vanno da 001 a 100 (o 120, 121, 888, 999).",
                $"Digits 8-10 ({number.Substring(7, 3)}) name the office that issued the partita IVA and run from 001 to 100 (or 120, 121, 888, 999).");
        }

        var expected = CheckDigit(number);
        return number[10] - '0' == expected
            ? Checked.Ok(number)
            : Checked.Refused(number,
                $"La cifra di controllo non corrisponde: con queste prime 10 cifre l'ultima dovrebbe essere {expected}, non {number[10]}. Controlla di aver copiato bene il numero.",
                $"The check digit does not match: with these first 10 digits the last should be {expected}, not {number[10]}. Check the number was copied correctly.");
    }

    // Digits in odd positions count as they are, those in even positions doubled (less 9 above 9), as in Luhn.
    internal static int CheckDigit(string number)
    {
        var sum = 0;
        for (var i = 0; i < 10; i++)
        {
            var digit = number[i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return (10 - sum % 10) % 10;
    }
}
