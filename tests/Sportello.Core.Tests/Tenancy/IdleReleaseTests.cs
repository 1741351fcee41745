using System.Net;
using Microsoft.Extensions.Time.Testing;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Tests.Tenancy;

public abstract class IdleReleaseTests(StoreKind kind)
{
    [Fact]
    public async Task An_idle_tenant_releases_its_caches_and_is_rebuilt_on_the_next_request_with_sessions_intact()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 9, 0, 0, TimeSpan.Zero));
        await using var app = await SportelloApp.StartAsync(kind, time: time);
        var sweep = app.Services.GetRequiredService<TenantIdleSweep>();
        Assert.All(app.Registry.All, t => Assert.False(t.Activity.IsActive));

        var client = app.ClientFor();
        await SignIn.AsAsync(client, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        Assert.True(app.Registry.Find("demo")!.Activity.IsActive);
        Assert.False(app.Registry.Find("default")!.Activity.IsActive);

        // Advancing the clock also wakes the sweep's own timer: whichever run gets there first releases the tenant.
        time.Advance(TimeSpan.FromMinutes(21));
        await sweep.SweepAsync(CancellationToken.None);
        Assert.False(app.Registry.Find("demo")!.Activity.IsActive);
        // The timer's run may still be writing what it released: wait for the record, not for the release.
        var recorded = await app.Services.GetRequiredService<TenantCatalog>().LoadLastRequestsAsync();
        for (var i = 0; i < 50 && !recorded.ContainsKey("demo"); i++)
        {
            await Task.Delay(100);
            recorded = await app.Services.GetRequiredService<TenantCatalog>().LoadLastRequestsAsync();
        }

        Assert.Equal(new DateTime(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc), recorded["demo"]);

        // Rebuilt on demand: the protectors come back with the same keys, so the sign-in still holds.
        var account = await client.GetAsync("/demo/account");
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
        Assert.True(app.Registry.Find("demo")!.Activity.IsActive);
        Assert.Equal(0, await sweep.SweepAsync(CancellationToken.None));
    }
}

public sealed class IdleReleaseTestsOnSqlite() : IdleReleaseTests(StoreKind.Sqlite);

public sealed class IdleReleaseTestsOnPostgres() : IdleReleaseTests(StoreKind.Postgres);
