using Sportello.Core.Cluster;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Hosting;

/// <summary>The "Sportello" configuration section.</summary>
public sealed class SportelloOptions
{
    public const string Section = "Sportello";

    /// <summary>Folder for the host catalog, tenant stores and files; relative paths start at the content root.</summary>
    public string AppData { get; set; } = "App_Data";

    /// <summary>Where the platform is reached from outside; links in mail sent outside a request (recipes, jobs) start here.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";

    public HostStoreOptions HostStore { get; set; } = new();

    public PostgresOptions Postgres { get; set; } = new();

    /// <summary>Where new tenants' stores go when a recipe does not say.</summary>
    public DefaultStoreOptions DefaultStore { get; set; } = new();

    public RecipeOptions Recipes { get; set; } = new();

    public OutboxOptions Outbox { get; set; } = new();

    public JobsOptions Jobs { get; set; } = new();

    public FilesOptions Files { get; set; } = new();

    public TenantIdleOptions Tenants { get; set; } = new();

    /// <summary>Several nodes sharing one catalog; unset for a single node.</summary>
    public ClusterOptions Cluster { get; set; } = new();

    /// <summary>Which Host headers are answered at all.</summary>
    public HostsOptions Hosts { get; set; } = new();

    /// <summary>The reverse proxies whose X-Forwarded-* headers are believed.</summary>
    public ProxyOptions Proxies { get; set; } = new();

    public RateLimitOptions RateLimits { get; set; } = new();

    /// <summary>Connections to servers that tenants choose.</summary>
    public OutboundOptions Outbound { get; set; } = new();

    /// <summary>Paths served without a tenant, besides /health. (Lists start empty: the configuration binder appends to defaults.)</summary>
    public List<string> TenantlessPaths { get; set; } = [];
}

public sealed class HostStoreOptions
{
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>PostgreSQL server name (a key of <c>Postgres:Servers</c>).</summary>
    public string? Server { get; set; }

    public string Schema { get; set; } = "sportello_host";
}

public sealed class PostgresOptions
{
    /// <summary>Connection strings by server name; tenants record which server they live on.</summary>
    public Dictionary<string, string> Servers { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class DefaultStoreOptions
{
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    public string? Server { get; set; }

    /// <summary>Prepended to generated PostgreSQL schema names, so several platforms can share a database.</summary>
    public string SchemaPrefix { get; set; } = string.Empty;
}

public sealed class RecipeOptions
{
    /// <summary>Folder of *.recipe.json files; relative paths start at the application's base directory.</summary>
    public string Path { get; set; } = "recipes";

    /// <summary>Whether a host that starts with an empty catalog provisions the recipes below.</summary>
    public bool ProvisionOnFirstRun { get; set; } = true;

    /// <summary>Recipes run, in order, when the host starts with an empty catalog; when none are configured, <see cref="DefaultRecipes"/>.</summary>
    public List<string> ProvisionOnEmptyCatalog { get; set; } = [];

    /// <summary>Values for recipes' <c>{{ name }}</c> placeholders, overriding the defaults a recipe declares.</summary>
    public Dictionary<string, string> Variables { get; set; } = new(StringComparer.Ordinal);

    public static IReadOnlyList<string> DefaultRecipes { get; } = ["default.recipe.json", "reseller-demo.recipe.json"];

    public IReadOnlyList<string> FirstRunRecipes => ProvisionOnEmptyCatalog.Count > 0 ? ProvisionOnEmptyCatalog : DefaultRecipes;
}

public sealed class OutboxOptions
{
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Tenants whose outbox each run also checks, round-robin, besides those known to have pending events: over a
    /// few runs every store is looked at (crash recovery) without a burst that opens thousands of stores at once.
    /// </summary>
    public int SweepBatchSize { get; set; } = 200;

    public int BatchSize { get; set; } = 100;

    /// <summary>After this many failed deliveries an event is set aside (logged, kept, not retried).</summary>
    public int MaxAttempts { get; set; } = 20;

    /// <summary>Delivered events are deleted after this long.</summary>
    public TimeSpan RetainDelivered { get; set; } = TimeSpan.FromDays(7);
}

public sealed class HostsOptions
{
    /// <summary>
    /// Refuse requests for a host that no tenant claims and that is not the platform's own (the host of
    /// <c>PublicUrl</c> or one listed in <see cref="Allowed"/>). Unset: on everywhere but in Development.
    /// </summary>
    public bool? RefuseUnknown { get; set; }

    /// <summary>Further host names the platform answers, such as a node's own name for an internal check.</summary>
    public List<string> Allowed { get; set; } = [];
}

public sealed class ProxyOptions
{
    /// <summary>Addresses of the proxies in front of the nodes, e.g. "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, e.g. "10.0.0.0/24".</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool Configured => KnownProxies.Count + KnownNetworks.Count > 0;
}

/// <summary>How many posts one client address may send to one tenant per window.</summary>
public sealed class RateLimitOptions
{
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Any form posted by someone not signed in.</summary>
    public int AnonymousPostsPerWindow { get; set; } = 60;

    /// <summary>Each form that checks a secret or sends a message: sign-in, sign-up, password reset, feedback.</summary>
    public int GuardedPostsPerWindow { get; set; } = 10;

    /// <summary>Lookups pages make while someone types (live validation): generous, but not a free computing service.</summary>
    public int LookupsPerWindow { get; set; } = 300;
}

public sealed class OutboundOptions
{
    /// <summary>Internal networks tenants' servers may nevertheless be in (CIDR, e.g. "10.20.0.0/16"); none by default.</summary>
    public List<string> AllowedInternalNetworks { get; set; } = [];
}

/// <summary>Scheduled jobs: how long their runs are kept.</summary>
public sealed class JobsOptions
{
    public TimeSpan RunRetention { get; set; } = TimeSpan.FromDays(30);
}

/// <summary>Tenant files: the largest upload any module may store.</summary>
public sealed class FilesOptions
{
    public long MaxSize { get; set; } = 10 * 1024 * 1024;
}
