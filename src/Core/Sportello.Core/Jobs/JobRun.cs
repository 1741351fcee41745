namespace Sportello.Core.Jobs;

/// <summary>One run of a job, for one tenant or for the platform, kept in the host catalog for a few weeks.</summary>
public sealed class JobRun
{
    public const int MaxError = 2000;

    public Guid Id { get; set; }
    public required string JobKey { get; set; }

    /// <summary>The tenant it ran for; null for a platform job.</summary>
    public string? TenantName { get; set; }

    /// <summary>The name of the operator who started it by hand; null when the schedule did.</summary>
    public string? RequestedBy { get; set; }

    public required string Node { get; set; }
    public DateTime StartedUtc { get; set; }
    public DateTime FinishedUtc { get; set; }
    public bool Succeeded { get; set; }
    public int Items { get; set; }

    /// <summary>The failure's type and message, cut to <see cref="MaxError"/> characters: never a stack trace, which may carry data.</summary>
    public string? Error { get; set; }

    public TimeSpan Duration => FinishedUtc - StartedUtc;
}
