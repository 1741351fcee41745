using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Recipes;

namespace Sportello.Bench.TenantScale;

/// <summary>Creates tenants from the reseller recipe through the kernel's own recipe executor.</summary>
internal static class Provisioning
{
    public static string TenantName(int i) => $"t{i:D5}";

    /// <summary>
    /// The reseller recipe without its "users" step: password hashing (PBKDF2) is slow on purpose and would measure
    /// Identity's hasher, not tenant provisioning.
    /// </summary>
    private static string WithoutUsers(string recipe)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(recipe)!.AsObject();
        var steps = root["steps"]!.AsArray();
        foreach (var step in steps.Where(s => (string?)s!["step"] == "users").ToList())
        {
            steps.Remove(step);
        }

        return root.ToJsonString();
    }

    /// <summary>Provisions tenants [from, to) and returns tenants per second.</summary>
    public static async Task<double> RunAsync(string appData, int from, int to)
    {
        await using var app = BenchHost.Build(appData, port: null);
        await app.StartAsync();
        var template = WithoutUsers(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "recipes", "reseller-demo.recipe.json")));
        var stopwatch = Stopwatch.StartNew();
        for (var i = from; i < to; i++)
        {
            var json = template
                .Replace("\"name\":\"demo\"", $"\"name\":\"{TenantName(i)}\"", StringComparison.Ordinal)
                .Replace("\"prefix\":\"demo\"", $"\"prefix\":\"{TenantName(i)}\"", StringComparison.Ordinal)
                .Replace("Fiducia Digitale Demo", $"Rivenditore {i}", StringComparison.Ordinal);
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeLoader.Parse(json, "bench"));
            if ((i - from + 1) % 500 == 0)
            {
                Console.WriteLine($"  provisioned {i + 1 - from} / {to - from} ({(i - from + 1) / stopwatch.Elapsed.TotalSeconds:F1}/s)");
            }
        }

        var rate = (to - from) / stopwatch.Elapsed.TotalSeconds;
        await app.StopAsync();
        return rate;
    }
}
