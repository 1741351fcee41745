using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Sportello.Bench.TenantScale;

/// <summary>Requests per second against one host: wrk when installed (apt-get install wrk), else an HttpClient loop.</summary>
internal static partial class Load
{
    public static string Tool => File.Exists("/usr/bin/wrk") ? "wrk" : "HttpClient loop";

    /// <param name="tenants">When set, each request goes to the home page of a random tenant among the first N.</param>
    public static async Task<double> RequestsPerSecondAsync(int port, string path, int? tenants, int seconds, int connections) =>
        File.Exists("/usr/bin/wrk")
            ? await WrkAsync(port, path, tenants, seconds, connections)
            : await LoopAsync(port, path, tenants, seconds, connections);

    private static async Task<double> WrkAsync(int port, string path, int? tenants, int seconds, int connections)
    {
        var info = new ProcessStartInfo("wrk") { RedirectStandardOutput = true };
        foreach (var arg in new[] { "-t1", $"-c{connections}", $"-d{seconds}s" })
        {
            info.ArgumentList.Add(arg);
        }

        string? script = null;
        if (tenants is { } n)
        {
            script = Path.Combine(Path.GetTempPath(), $"sportello-wrk-{Guid.NewGuid():N}.lua");
            await File.WriteAllTextAsync(script, $$"""
                math.randomseed(42)
                request = function()
                  return wrk.format("GET", string.format("/t%05d/", math.random(0, {{n - 1}})))
                end
                """);
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

        return double.Parse(RequestsPerSec().Match(output).Groups[1].Value, CultureInfo.InvariantCulture);
    }

    private static async Task<double> LoopAsync(int port, string path, int? tenants, int seconds, int connections)
    {
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        var stop = Stopwatch.StartNew();
        long count = 0;
        var random = new Random(42);
        var workers = Enumerable.Range(0, connections).Select(async _ =>
        {
            while (stop.Elapsed.TotalSeconds < seconds)
            {
                var target = tenants is { } n ? $"/t{random.Next(n):D5}/" : path;
                using var response = await client.GetAsync(target);
                response.EnsureSuccessStatusCode();
                await response.Content.ReadAsByteArrayAsync();
                Interlocked.Increment(ref count);
            }
        });
        await Task.WhenAll(workers);
        return count / stop.Elapsed.TotalSeconds;
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSec();
}
