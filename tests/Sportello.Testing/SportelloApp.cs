using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Sportello.Core.Recipes;
using Sportello.Core.Tenancy;

namespace Sportello.Testing;

/// <summary>
/// The real Host, in process, on a fresh App_Data folder and (for PostgreSQL) a fresh database. By default it
/// provisions the Default and demo tenants from recipes/, as a first run does.
/// </summary>
public sealed class SportelloApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;
    private PostgresDatabase? _database;

    private SportelloApp(StoreKind kind, string appData, Dictionary<string, string?> settings, string environment, FakeTimeProvider? time)
    {
        Kind = kind;
        AppData = appData;
        _settings = settings;
        _environment = environment;
        Time = time;
    }

    public StoreKind Kind { get; }

    /// <summary>Leave App_Data in place on dispose, for a test that starts a second host on it.</summary>
    public bool KeepData { get; set; }
    public string AppData { get; }
    public FakeTimeProvider? Time { get; }
    public CapturedLogs Logs { get; } = new();

    public static async Task<SportelloApp> StartAsync(
        StoreKind kind,
        bool provision = true,
        string environment = "Development",
        FakeTimeProvider? time = null,
        IDictionary<string, string?>? settings = null,
        string? appData = null,
        bool kestrel = false,
        PostgresDatabase? sharedDatabase = null)
    {
        appData ??= Path.Combine(Path.GetTempPath(), "sportello-tests", Guid.NewGuid().ToString("N"));
        var config = new Dictionary<string, string?>
        {
            ["Sportello:AppData"] = appData,
            ["Sportello:Outbox:PollInterval"] = "00:10:00",
        };
        if (!provision)
        {
            config["Sportello:Recipes:ProvisionOnFirstRun"] = "false";
        }

        PostgresDatabase? database = null;
        if (kind == StoreKind.Postgres)
        {
            // A shared database (another node's) stays its owner's to drop.
            database = sharedDatabase is null ? await PostgresDatabase.CreateAsync() : null;
            config["Sportello:Postgres:Servers:main"] = (database ?? sharedDatabase)!.ConnectionString;
            config["Sportello:HostStore:Provider"] = "Postgres";
            config["Sportello:HostStore:Server"] = "main";
            config["Sportello:DefaultStore:Provider"] = "Postgres";
            config["Sportello:DefaultStore:Server"] = "main";
        }

        // A real socket for a browser: on a port chosen now, so links in e-mails (built from PublicUrl) lead back here.
        var port = kestrel ? FreePort() : 0;
        if (kestrel)
        {
            config["Sportello:PublicUrl"] = $"http://localhost:{port}";
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var app = new SportelloApp(kind, appData, config, environment, time) { _database = database };
        if (kestrel)
        {
            // A real socket on a free loopback port, for a browser to reach.
            app.UseKestrel(port);
            app.StartServer();
        }
        else
        {
            _ = app.Server; // builds and starts the host: migrations, catalog, first-run recipes
        }

        return app;
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public TenantRegistry Registry => Services.GetRequiredService<TenantRegistry>();

    /// <summary>The PostgreSQL database of this app (catalog and tenant schemas); null on SQLite.</summary>
    public PostgresDatabase? Database => _database;

    public Task<bool> SchemaExistsAsync(string schema) =>
        (_database ?? throw new InvalidOperationException("Not a PostgreSQL app.")).SchemaExistsAsync(schema);

    public TenantService Tenants => Services.GetRequiredService<TenantService>();

    /// <summary>
    /// A client for a host name (and port); requests carry that Host header. Each client is a visitor of its own,
    /// from a random private address, unless <paramref name="address"/> names one.
    /// </summary>
    public HttpClient ClientFor(string authority = "localhost", string? address = null, string scheme = "http")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri($"{scheme}://{authority}/"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Add(TestClientAddress.Header, address ?? TestClientAddress.Random());
        return client;
    }

    public async Task<string> RunRecipeAsync(string json, string? tenant = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var executor = scope.ServiceProvider.GetRequiredService<RecipeExecutor>();
        return await executor.ExecuteAsync(RecipeLoader.Parse(json, "test"), tenant);
    }

    /// <summary>Runs a recipe file with its own folder, as the host runs the recipes of recipes/.</summary>
    public async Task<string> RunRecipeFileAsync(string path, string? tenant = null)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecipeExecutor>().ExecuteAsync(RecipeLoader.LoadFile(path), tenant);
    }

    /// <summary>Runs <paramref name="work"/> in a DI scope that belongs to <paramref name="tenant"/>, as a request would.</summary>
    public async Task<T> InTenantAsync<T>(string tenant, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(
            Registry.Find(tenant) ?? throw new InvalidOperationException($"No tenant '{tenant}'."));
        return await work(scope.ServiceProvider);
    }

    /// <summary>
    /// Waits until the tenant's outbox has delivered everything (background events included), so a test can tell
    /// that something was not sent.
    /// </summary>
    public async Task OutboxDrainedAsync(string tenant)
    {
        for (var i = 0; i < 100; i++)
        {
            var pending = await InTenantAsync(tenant, sp => sp.GetRequiredService<Sportello.Core.Storage.KernelDbContext>().Outbox
                .CountAsync(m => m.DispatchedUtc == null && m.GaveUpUtc == null));
            if (pending == 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        throw new InvalidOperationException($"The outbox of tenant {tenant} still has undelivered events.");
    }

    /// <summary>A minimal recipe for a tenant at a prefix, with the given modules.</summary>
    public static string TenantRecipe(string name, string? prefix = null, string[]? modules = null, string? hosts = null) => $$"""
        {
          "name": "test-{{name}}",
          "steps": [
            { "step": "tenant", "name": "{{name}}"{{(prefix is null ? "" : $", \"prefix\": \"{prefix}\"")}}{{(hosts is null ? "" : $", \"hosts\": [{hosts}]")}},
              "branding": { "displayName": "Sportello {{name}}", "primaryColor": "#123456" } },
            { "step": "modules", "enable": [{{string.Join(", ", (modules ?? []).Select(m => $"\"{m}\""))}}] }
          ]
        }
        """;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>();
            if (Time is not null)
            {
                services.AddSingleton<TimeProvider>(Time);
            }
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        if (!KeepData)
        {
            await DeleteAppDataAsync();
        }
    }

    // A work item the host started just before it stopped (an e-mail written to the pickup folder after its
    // commit) may still be finishing a file: try again briefly, then leave the temporary folder to the system
    // rather than fail a test class that passed.
    private async Task DeleteAppDataAsync()
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(AppData, recursive: true);
                return;
            }
            catch (DirectoryNotFoundException)
            {
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                await Task.Delay(200 * attempt);
            }
            catch (IOException)
            {
                return;
            }
        }
    }
}
