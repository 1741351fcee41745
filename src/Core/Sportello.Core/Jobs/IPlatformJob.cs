namespace Sportello.Core.Jobs;

/// <summary>A job's work for the whole platform; returns how many items it handled.</summary>
public interface IPlatformJob
{
    Task<int> RunAsync(CancellationToken ct);
}
