using System.Globalization;
using Sportello.Core.Text;

namespace Sportello.Core.Jobs;

/// <summary>When a job runs: at a fixed interval, or on a Quartz cron expression in the platform's time zone (Europe/Rome).</summary>
public sealed record JobSchedule
{
    private JobSchedule(TimeSpan? interval, string? cron, LocalizedText description)
    {
        Interval = interval;
        Cron = cron;
        Description = description;
    }

    public TimeSpan? Interval { get; }

    /// <summary>Quartz's cron format, seconds first: <c>0 15 3 * * ?</c> is every night at 3:15.</summary>
    public string? Cron { get; }

    /// <summary>The schedule in words, for the back office.</summary>
    public LocalizedText Description { get; }

    public static JobSchedule Every(TimeSpan interval)
    {
        if (interval < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(interval), interval, "A job runs at most once a second.");
        }

        return new(interval, null, Words(interval));
    }

    public static JobSchedule At(string cron, LocalizedText description) => new(null, cron, description);

    private static LocalizedText Words(TimeSpan interval) =>
        interval.TotalHours >= 1 && interval.TotalHours % 1 == 0
            ? Count((int)interval.TotalHours, "ora", "ore", "hour", "hours")
            : interval.TotalMinutes >= 1 && interval.TotalMinutes % 1 == 0
                ? Count((int)interval.TotalMinutes, "minuto", "minuti", "minute", "minutes")
                : Count((int)interval.TotalSeconds, "secondo", "secondi", "second", "seconds");

    private static LocalizedText Count(int n, string one, string many, string oneEn, string manyEn) =>
        n == 1
            ? new($"ogni {one}", $"every {oneEn}")
            : new($"ogni {n.ToString(CultureInfo.InvariantCulture)} {many}", $"every {n.ToString(CultureInfo.InvariantCulture)} {manyEn}");
}
