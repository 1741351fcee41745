using Sportello.Core.Calendar;

namespace Sportello.Core.Tests.Calendar;

public sealed class WorkingDaysTests
{
    [Theory]
    [InlineData(2024, 3, 31)]
    [InlineData(2025, 4, 20)]
    [InlineData(2026, 4, 5)]
    [InlineData(2027, 3, 28)]
    [InlineData(2038, 4, 25)] // on Liberation Day
    [InlineData(2285, 3, 22)] // the earliest possible
    [InlineData(1943, 4, 25)] // the latest possible
    public void Easter_is_computed(int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), ItalianHolidays.Easter(year));

    [Theory]
    [InlineData("2026-04-06", false)] // Easter Monday
    [InlineData("2026-04-07", true)]
    [InlineData("2026-04-25", false)] // Saturday and Liberation Day
    [InlineData("2026-06-02", false)]
    [InlineData("2026-10-05", true)]
    [InlineData("2027-10-04", false)] // San Francesco, a national holiday again from 2026
    [InlineData("2025-10-03", true)]
    [InlineData("2026-12-08", false)]
    [InlineData("2026-12-24", true)]
    [InlineData("2026-12-28", true)]
    public void Holidays_and_weekends_are_not_working_days(string date, bool working) =>
        Assert.Equal(working, WorkingDays.IsWorkingDay(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Working_days_skip_easter()
    {
        // Thursday 2 April 2026: Friday 3, then Tuesday 7 (Easter Monday 6 is a holiday).
        Assert.Equal(new DateOnly(2026, 4, 7), WorkingDays.Add(new DateOnly(2026, 4, 2), 2));
    }

    [Fact]
    public void Working_days_cross_the_year_end()
    {
        // Wednesday 23 December 2026: 24, 28, 29, 30, 31, then 4 January 2027 (1 January a holiday, 2-3 a weekend).
        Assert.Equal(new DateOnly(2027, 1, 4), WorkingDays.Add(new DateOnly(2026, 12, 23), 6));
        Assert.Equal(6, WorkingDays.Between(new DateOnly(2026, 12, 23), new DateOnly(2027, 1, 4)));
        // 6 January 2027 (Epiphany) is skipped too.
        Assert.Equal(new DateOnly(2027, 1, 7), WorkingDays.Add(new DateOnly(2027, 1, 4), 2));
    }

    [Fact]
    public void A_promise_of_2_to_7_working_days_has_a_window()
    {
        var (earliest, latest) = WorkingDays.Promise(new DateOnly(2026, 12, 1), 2, 7);
        Assert.Equal(new DateOnly(2026, 12, 3), earliest);
        Assert.Equal(new DateOnly(2026, 12, 11), latest); // 8 December skipped
        Assert.Throws<ArgumentException>(() => WorkingDays.Promise(new DateOnly(2026, 12, 1), 7, 2));
    }

    [Fact]
    public void The_holidays_of_a_year_are_listed_in_order()
    {
        var holidays = ItalianHolidays.Of(2026);
        Assert.Equal(13, holidays.Count);
        Assert.Equal(holidays.OrderBy(h => h.Date), holidays);
        Assert.Contains(holidays, h => h.Name == "Lunedì dell'Angelo" && h.Date == new DateOnly(2026, 4, 6));
        Assert.DoesNotContain(ItalianHolidays.Of(2025), h => h.Name == "San Francesco d'Assisi");
    }
}
