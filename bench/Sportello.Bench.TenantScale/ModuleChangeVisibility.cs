using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Tenancy;

namespace Sportello.Bench.TenantScale;

/// <summary>
/// Two nodes sharing PostgreSQL and Redis: this process is node A and switches a tenant's Pages module off and on;
/// node B, a separate host process, is polled until it serves the new state. Times run from the moment the
/// change is saved on A to B's first answer that reflects it.
/// </summary>
internal static class ModuleChangeVisibility
{
    public static async Task<List<double>> RunAsync(string root, string connectionString, string redis, int changes)
    {
        var cluster = BenchHost.Postgres(connectionString, redis, "bench-" + Guid.NewGuid().ToString("N")[..8]);
        await using var b = await ChildHost.StartAsync(Path.Combine(root, "node-b"), 5304, cluster);
        await using var a = BenchHost.Build(Path.Combine(root, "node-a"), port: null, cluster);
        await a.StartAsync();
        var tenants = a.Services.GetRequiredService<TenantService>();
        var name = Provisioning.TenantName(0);
        (await b.Client.GetAsync($"{name}/")).EnsureSuccessStatusCode();

        var timings = new List<double>(changes);
        for (var i = 0; i < changes; i++)
        {
            var enable = i % 2 == 1;
            if (enable)
            {
                await tenants.EnableModulesAsync(name, ["pages"]);
            }
            else
            {
                await tenants.DisableModulesAsync(name, ["pages"]);
            }

            var expected = enable ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            var watch = Stopwatch.StartNew();
            while (true)
            {
                using var response = await b.Client.GetAsync($"{name}/");
                if (response.StatusCode == expected)
                {
                    break;
                }

                if (watch.Elapsed > TimeSpan.FromSeconds(10))
                {
                    throw new TimeoutException($"Change {i} not visible on node B after 10 s.");
                }
            }

            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        await a.StopAsync();
        timings.Sort();
        return timings;
    }
}
