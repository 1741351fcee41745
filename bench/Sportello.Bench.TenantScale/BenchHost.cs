using Sportello.Core.Hosting;

namespace Sportello.Bench.TenantScale;

/// <summary>The same kernel and modules as the Host, plus two tenant-less endpoints the benchmark needs.</summary>
internal static class BenchHost
{
    /// <param name="settings">More configuration (PostgreSQL, cluster); child processes get theirs from the environment.</param>
    public static WebApplication Build(string appData, int? port, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sportello:AppData"] = appData,
            ["Sportello:Recipes:ProvisionOnFirstRun"] = "false",
            ["Sportello:TenantlessPaths:0"] = "/bare",
            ["Sportello:TenantlessPaths:1"] = "/__bench",
            ["Logging:LogLevel:Default"] = "Warning",
            // Production refuses hosts it does not serve; the load comes to 127.0.0.1.
            ["Sportello:Hosts:Allowed:0"] = "127.0.0.1",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        // Without a port (provisioning), any free one: nothing is served, but nothing may collide either.
        builder.WebHost.UseUrls($"http://127.0.0.1:{port ?? 0}");

        builder.AddSportello();
        var app = builder.Build();
        app.UseSportello();

        // The baseline: the cheapest endpoint the same process can serve.
        app.MapGet("/bare", () => "ok");
        app.MapGet("/__bench/gc", () =>
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect();
            return Results.Ok(new { workingSet = Environment.WorkingSet, managed = GC.GetTotalMemory(false) });
        });
        return app;
    }

    /// <summary>Host store, tenant stores and (with <paramref name="redis"/>) the cluster on one PostgreSQL database.</summary>
    public static Dictionary<string, string?> Postgres(string connectionString, string? redis = null, string? keyPrefix = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Sportello:Postgres:Servers:main"] = connectionString,
            ["Sportello:HostStore:Provider"] = "Postgres",
            ["Sportello:HostStore:Server"] = "main",
            ["Sportello:DefaultStore:Provider"] = "Postgres",
            ["Sportello:DefaultStore:Server"] = "main",
        };
        if (redis is not null)
        {
            settings["Sportello:Cluster:Redis"] = redis;
            settings["Sportello:Cluster:KeyPrefix"] = keyPrefix;
        }

        return settings;
    }
}
