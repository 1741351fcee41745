namespace Sportello.Core.Calendar;

/// <summary>Italian working days: Monday to Friday, national holidays excepted. Used for "from 2 to 7 working days" promises.</summary>
public static class WorkingDays
{
    public static bool IsWorkingDay(DateOnly date) =>
        date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !ItalianHolidays.IsHoliday(date);

    /// <summary>The day <paramref name="days"/> working days after <paramref name="start"/> (the start itself does not count).</summary>
    public static DateOnly Add(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var date = start;
        while (days > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                days--;
            }
        }

        return date;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public static int Between(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var date = from.AddDays(1); date <= to; date = date.AddDays(1))
        {
            if (IsWorkingDay(date))
            {
                count++;
            }
        }

        return count;
    }

    /// <summary>The window of a "from <paramref name="min"/> to <paramref name="max"/> working days" promise made on <paramref name="start"/>.</summary>
    public static (DateOnly Earliest, DateOnly Latest) Promise(DateOnly start, int min, int max) =>
        min > max ? throw new ArgumentException("The shortest time is longer than the longest.", nameof(min)) : (Add(start, min), Add(start, max));
}
