namespace Sportello.Core.Calendar;

/// <summary>
/// The national holidays of the Italian Republic. A new holiday is one line here (with the year it starts from);
/// local patron saints are not national and are not listed.
/// </summary>
public static class ItalianHolidays
{
    private sealed record Fixed(int Month, int Day, string Name, int FromYear = 1);

    private static readonly Fixed[] Dates =
    [
        new(1, 1, "Capodanno"),
        new(1, 6, "Epifania"),
        new(4, 25, "Festa della Liberazione"),
        new(5, 1, "Festa del Lavoro"),
        new(6, 2, "Festa della Repubblica"),
        new(8, 15, "Ferragosto"),
        new(10, 4, "San Francesco d'Assisi", FromYear: 2026),
        new(11, 1, "Ognissanti"),
        new(12, 8, "Immacolata Concezione"),
        new(12, 25, "Natale"),
        new(12, 26, "Santo Stefano"),
    ];

    /// <summary>The holidays of a year with their names, Easter and Easter Monday included, in date order.</summary>
    public static IReadOnlyList<(DateOnly Date, string Name)> Of(int year)
    {
        var easter = Easter(year);
        return Dates.Where(d => year >= d.FromYear)
            .Select(d => (new DateOnly(year, d.Month, d.Day), d.Name))
            .Append((easter, "Pasqua"))
            .Append((easter.AddDays(1), "Lunedì dell'Angelo"))
            .OrderBy(h => h.Item1)
            .ToList();
    }

    public static bool IsHoliday(DateOnly date) =>
        Dates.Any(d => d.Month == date.Month && d.Day == date.Day && date.Year >= d.FromYear)
        || Easter(date.Year) is var easter && (date == easter || date == easter.AddDays(1));

    /// <summary>Western Easter Sunday (the anonymous Gregorian computus).</summary>
    public static DateOnly Easter(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = (19 * a + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + 2 * e + 2 * i - h - k) % 7;
        var m = (a + 11 * h + 22 * l) / 451;
        var month = (h + l - 7 * m + 114) / 31;
        var day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
