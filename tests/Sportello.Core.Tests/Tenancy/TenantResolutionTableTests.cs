using Sportello.Core.Tenancy;

namespace Sportello.Core.Tests.Tenancy;

public class TenantResolutionTableTests
{
    private static Tenant T(string name, string? prefix = null, params string[] hosts) =>
        new(new TenantSettings
        {
            Name = name,
            Prefix = prefix,
            Hosts = hosts,
            State = TenantState.Running,
            Store = new TenantStoreSettings { Provider = StoreProvider.Sqlite, Location = name },
        });

    private static readonly TenantResolutionTable Table = new([
        T(TenantNames.Default),
        T("demo", "demo"),
        T("shop", null, "shop.esempio.it"),
        T("shop-eu", "eu", "shop.esempio.it"),
        T("portal", null, "localhost:5001"),
        T("wild", null, "*.rivenditori.it"),
        T("wild-deep", null, "*.nord.rivenditori.it"),
        T("wild-prefixed", "help", "*.rivenditori.it"),
    ]);

    private static string? Resolve(string host, int? port, string path)
    {
        var segment = path.TrimStart('/').Split('/')[0];
        return Table.Resolve(host, port, segment)?.Tenant.Name;
    }

    [Fact]
    public void Host_and_prefix_wins_over_host() => Assert.Equal("shop-eu", Resolve("shop.esempio.it", null, "/eu/ordini"));

    [Fact]
    public void Host_alone_matches_any_path() => Assert.Equal("shop", Resolve("shop.esempio.it", null, "/ordini"));

    [Fact]
    public void Host_is_case_insensitive() => Assert.Equal("shop", Resolve("SHOP.Esempio.IT", null, "/"));

    [Fact]
    public void Prefix_alone_on_any_host() => Assert.Equal("demo", Resolve("anything.example", null, "/demo/help"));

    [Fact]
    public void Prefix_match_reports_it_was_a_prefix()
    {
        Assert.True(Table.Resolve("x", null, "demo")!.Value.MatchedPrefix);
        Assert.False(Table.Resolve("shop.esempio.it", null, "demo")!.Value.MatchedPrefix);
    }

    [Fact]
    public void A_longer_segment_is_not_the_prefix() => Assert.Equal(TenantNames.Default, Resolve("x", null, "/democracy"));

    [Fact]
    public void Host_with_port_matches_only_that_port()
    {
        Assert.Equal("portal", Resolve("localhost", 5001, "/"));
        Assert.Equal(TenantNames.Default, Resolve("localhost", 5002, "/"));
    }

    [Fact]
    public void A_host_without_port_matches_every_port() => Assert.Equal("shop", Resolve("shop.esempio.it", 8443, "/"));

    [Fact]
    public void Wildcard_matches_subdomains_but_not_the_bare_domain()
    {
        Assert.Equal("wild", Resolve("mario.rivenditori.it", null, "/"));
        Assert.Equal(TenantNames.Default, Resolve("rivenditori.it", null, "/"));
    }

    [Fact]
    public void The_longest_wildcard_wins() => Assert.Equal("wild-deep", Resolve("a.nord.rivenditori.it", null, "/"));

    [Fact]
    public void Wildcard_with_prefix_beats_wildcard_alone() => Assert.Equal("wild-prefixed", Resolve("mario.rivenditori.it", null, "/help/x"));

    [Fact]
    public void Unknown_addresses_fall_back_to_the_default_tenant() => Assert.Equal(TenantNames.Default, Resolve("unknown.example", null, "/nope"));

    [Fact]
    public void Without_a_catch_all_default_unknown_hosts_resolve_to_nothing()
    {
        var table = new TenantResolutionTable([T(TenantNames.Default, null, "platform.example"), T("demo", "demo")]);
        Assert.Null(table.Resolve("unknown.example", null, "nope"));
        Assert.Equal(TenantNames.Default, table.Resolve("platform.example", null, "")?.Tenant.Name);
    }
}
