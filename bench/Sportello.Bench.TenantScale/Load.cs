using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Sportello.Bench.TenantScale;

/// <summary>Requests per second and latency percentiles of one run against a host.</summary>
internal sealed record LoadResult(double RequestsPerSecond, double P50Ms, double P90Ms, double P99Ms);

/// <summary>
/// Requests per second against one host: wrk when installed (apt-get install wrk), else an HttpClient loop.
/// Shared with the other benchmarks (linked into their projects).
/// </summary>
internal static partial class Load
{
    public static string Tool => File.Exists("/usr/bin/wrk") ? "wrk" : "HttpClient loop";

    /// <param name="tenants">When set, each request goes to the home page of a random tenant among the first N.</param>
    public static async Task<double> RequestsPerSecondAsync(int port, string path, int? tenants, int seconds, int connections)
    {
        if (tenants is not { } n)
        {
            return (await RunAsync(port, path, null, null, seconds, connections)).RequestsPerSecond;
        }

        var lua = $$"""
            math.randomseed(42)
            request = function()
              return wrk.format("GET", string.format("/t%05d/", math.random(0, {{n - 1}})))
            end
            """;
        return (await RunAsync(port, path, lua, random => $"/t{random.Next(n):D5}/", seconds, connections)).RequestsPerSecond;
    }

    /// <summary>Each request goes to one of <paramref name="paths"/> (absolute, with query if any), chosen at random.</summary>
    public static Task<LoadResult> RandomPathsAsync(int port, IReadOnlyList<string> paths, int seconds, int connections)
    {
        var lua = new StringBuilder("math.randomseed(42)\npaths = {\n");
        foreach (var path in paths)
        {
            lua.Append("  \"").Append(path.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append("\",\n");
        }

        lua.Append("}\nrequest = function()\n  return wrk.format(\"GET\", paths[math.random(1, #paths)])\nend\n");
        return RunAsync(port, paths[0], lua.ToString(), random => paths[random.Next(paths.Count)], seconds, connections);
    }

    /// <summary>One path, every time; <paramref name="cookie"/> sent with each request when given (a signed-in visitor).</summary>
    public static Task<LoadResult> FixedPathAsync(int port, string path, int seconds, int connections, string? cookie = null) =>
        RunAsync(port, path, null, null, seconds, connections, cookie);

    private static Task<LoadResult> RunAsync(int port, string path, string? lua, Func<Random, string>? pick, int seconds, int connections, string? cookie = null) =>
        File.Exists("/usr/bin/wrk")
            ? WrkAsync(port, path, lua, seconds, connections, cookie)
            : LoopAsync(port, path, pick, seconds, connections, cookie);

    private static async Task<LoadResult> WrkAsync(int port, string path, string? lua, int seconds, int connections, string? cookie)
    {
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true };
        foreach (var arg in new[] { "-t1", $"-c{connections}", $"-d{seconds}s", "--latency" })
        {
            info.ArgumentList.Add(arg);
        }

        if (cookie is not null)
        {
            info.ArgumentList.Add("-H");
            info.ArgumentList.Add("Cookie: " + cookie);
        }

        string? script = null;
        if (lua is not null)
        {
            script = Path.Combine(Path.GetTempPath(), $"sportello-wrk-{Guid.NewGuid():N}.lua");
            await File.WriteAllTextAsync(script, lua);
            info.ArgumentList.Add("-s");
            info.ArgumentList.Add(script);
        }

        info.ArgumentList.Add($"http://127.0.0.1:{port}{path}");
        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (script is not null)
        {
            File.Delete(script);
        }

        if (output.Contains("Non-2xx", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("wrk saw error responses:\n" + output);
        }

        return new LoadResult(
            double.Parse(RequestsPerSec().Match(output).Groups[1].Value, CultureInfo.InvariantCulture),
            WrkPercentile(output, "50"), WrkPercentile(output, "90"), WrkPercentile(output, "99"));
    }

    // wrk --latency prints lines such as "     99%    4.21ms" (units us, ms or s).
    private static double WrkPercentile(string output, string percent)
    {
        var match = Regex.Match(output, $@"^\s*{percent}%\s+([\d.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
        if (!match.Success)
        {
            return double.NaN;
        }

        var value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
    }

    private static async Task<LoadResult> LoopAsync(int port, string path, Func<Random, string>? pick, int seconds, int connections, string? cookie)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections, UseCookies = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        var stop = Stopwatch.StartNew();
        var latencies = new List<double>[connections];
        var workers = Enumerable.Range(0, connections).Select(async worker =>
        {
            var random = new Random(42 + worker);
            var mine = latencies[worker] = [];
            while (stop.Elapsed.TotalSeconds < seconds)
            {
                var target = pick is null ? path : pick(random);
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(target);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                mine.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
        await Task.WhenAll(workers);
        var all = latencies.SelectMany(l => l).Order().ToList();
        double At(int p) => all[Math.Clamp((int)Math.Ceiling(p / 100.0 * all.Count) - 1, 0, all.Count - 1)];
        return new LoadResult(all.Count / stop.Elapsed.TotalSeconds, At(50), At(90), At(99));
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSec();
}
