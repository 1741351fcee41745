namespace Sportello.Bench.KnowledgeBase;

/// <param name="Articles">Generated guides in the benchmark tenant.</param>
/// <param name="Seconds">Duration of each measured run (search latency, each wrk run).</param>
/// <param name="Connections">Concurrent search clients, and wrk connections.</param>
/// <param name="Keep">Leaves the App_Data folder in place, for looking at the tenant afterwards.</param>
/// <param name="Profile">Prints, per query, where a search spends its time and how much it allocates.</param>
/// <param name="Seed">Seed of the article generator (same seed, same guides).</param>
internal sealed record BenchOptions(int Articles, int Seconds, int Connections, int Seed, bool Keep, bool Profile)
{
    public static BenchOptions Parse(string[] args)
    {
        string? Text(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        int Get(string name, int fallback) => Text(name) is { } v ? int.Parse(v, System.Globalization.CultureInfo.InvariantCulture) : fallback;

        return new BenchOptions(
            Get("--articles", 10000),
            Get("--seconds", 10),
            Get("--connections", 32),
            Get("--seed", 20260),
            args.Contains("--keep"),
            args.Contains("--profile"));
    }
}
