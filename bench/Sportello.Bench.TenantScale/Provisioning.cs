using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Recipes;
using Sportello.Core.Tenancy;
using Sportello.Tenants.Domain;

namespace Sportello.Bench.TenantScale;

/// <summary>
/// Creates tenants from recipes/reseller.recipe.json through the platform's own tenant service
/// (<see cref="TenantProvisioning"/>: recipe, operator choices, rollback on failure, audit entry), as the admin pages do.
/// </summary>
internal static class Provisioning
{
    public static string TenantName(int i) => $"t{i:D5}";

    /// <summary>Provisions tenants [from, to) and returns tenants per second.</summary>
    public static async Task<double> RunAsync(string appData, int from, int to, IReadOnlyDictionary<string, string?>? settings = null)
    {
        await using var app = BenchHost.Build(appData, port: null, settings);
        await app.StartAsync();
        var registry = app.Services.GetRequiredService<TenantRegistry>();
        if (registry.Find(TenantNames.Default) is null)
        {
            // The platform tenant, whose audit log records each creation.
            await using var scope = app.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<RecipeExecutor>()
                .ExecuteAsync(RecipeLoader.LoadFile(Path.Combine(AppContext.BaseDirectory, "recipes", "default.recipe.json")));
        }

        var platform = registry.Find(TenantNames.Default)!;
        var stopwatch = Stopwatch.StartNew();
        for (var i = from; i < to; i++)
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Set(platform);
            var result = await scope.ServiceProvider.GetRequiredService<TenantProvisioning>().CreateAsync(new CreateTenantRequest
            {
                Name = TenantName(i),
                Recipe = "reseller.recipe.json",
                Prefix = TenantName(i),
                Branding = new BrandingRequest { DisplayName = $"Rivenditore {i}" },
            });
            if (!result.Created)
            {
                throw new InvalidOperationException(result.Message);
            }

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
