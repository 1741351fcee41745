using System.Diagnostics;
using System.Net.Http.Json;

namespace Sportello.Bench.TenantScale;

/// <summary>A host started in its own process, so its memory can be read without the benchmark's own.</summary>
internal sealed class ChildHost : IAsyncDisposable
{
    private readonly Process _process;

    private ChildHost(Process process, int port)
    {
        _process = process;
        Port = port;
        Client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
    }

    public int Port { get; }

    public HttpClient Client { get; }

    /// <param name="settings">Extra configuration, handed over as environment variables (Sportello__...).</param>
    public static async Task<ChildHost> StartAsync(string appData, int port, IReadOnlyDictionary<string, string?>? settings = null)
    {
        // The benchmark program that started us (this file is shared by the benchmarks), run again in "serve" mode.
        var self = Path.Combine(AppContext.BaseDirectory, System.Reflection.Assembly.GetEntryAssembly()!.GetName().Name + ".dll");
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        foreach (var arg in new[] { self, "serve", appData, port.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("  [host] " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var child = new ChildHost(process, port);
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                if ((await child.Client.GetAsync("health/ready")).IsSuccessStatusCode)
                {
                    return child;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException("The host did not become ready within 60 s.");
    }

    /// <summary>Resident memory after a full, compacting collection in the host.</summary>
    public async Task<long> SettledResidentBytesAsync() => (await SettledAsync()).Resident;

    /// <summary>
    /// Resident memory and the managed heap after a full, compacting collection. The heap shows what a release
    /// gives back; resident memory often does not shrink, since the runtime keeps freed segments for reuse.
    /// </summary>
    public async Task<(long Resident, long Managed)> SettledAsync()
    {
        await Client.GetFromJsonAsync<GcReport>("__bench/gc");
        await Task.Delay(500);
        var report = await Client.GetFromJsonAsync<GcReport>("__bench/gc");
        return (ResidentBytes(), report!.Managed);
    }

    private sealed record GcReport(long WorkingSet, long Managed);

    public long ResidentBytes()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
            }
        }

        throw new InvalidOperationException("No VmRSS line.");
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
