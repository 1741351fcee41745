using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Audit;
using Sportello.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Storage;

namespace Sportello.Host.Tests;

/// <summary>Module jobs: scheduled for the tenants that enabled the module, every run recorded, "Esegui ora" for those allowed.</summary>
public abstract class JobsPageTests(SportelloApp app)
{
    private JobRunLog Log => app.Services.GetRequiredService<JobRunLog>();

    private ChoresModule.TidyLog Tidy => app.Services.GetRequiredService<ChoresModule.TidyLog>();

    private async Task<IReadOnlyList<JobRun>> RunsAsync(string tenant, Func<IReadOnlyList<JobRun>, bool> until)
    {
        for (var i = 0; i < 150; i++)
        {
            var runs = await Log.RecentAsync(tenant, ChoresModule.JobKey, 20);
            if (until(runs))
            {
                return runs;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"No run of {ChoresModule.JobKey} for {tenant} came as expected.");
    }

    [Fact]
    public async Task A_module_job_runs_for_tenants_with_the_module_and_each_run_is_recorded()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        string on = "on" + suffix, off = "off" + suffix, failing = "ko" + suffix;
        await app.RunRecipeAsync(SportelloApp.TenantRecipe(on, on, ["chores"]));
        await app.RunRecipeAsync(SportelloApp.TenantRecipe(off, off, ["pages"]));
        Tidy.Failing[failing] = true;
        await app.RunRecipeAsync(SportelloApp.TenantRecipe(failing, failing, ["chores"]));

        var done = (await RunsAsync(on, r => r.Count > 0))[0];
        Assert.True(done.Succeeded);
        Assert.Equal(3, done.Items);
        Assert.Null(done.RequestedBy);
        Assert.True(done.FinishedUtc >= done.StartedUtc);

        var failed = (await RunsAsync(failing, r => r.Count > 0))[0];
        Assert.False(failed.Succeeded);
        Assert.Equal($"InvalidOperationException: Il magazzino di {failing} è chiuso.", failed.Error);

        Assert.Empty(await Log.RecentAsync(off, null, 10));
        Assert.Equal(0, Tidy.RunsFor(off));
    }

    [Fact]
    public async Task An_operator_starts_a_job_now_for_their_tenant_only_and_the_start_is_audited()
    {
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var tenant = "jn" + suffix;
        await app.RunRecipeAsync(SportelloApp.TenantRecipe(tenant, tenant, ["identity"]));
        var email = $"op-{suffix}@example.it";
        await app.RunRecipeAsync($$"""
            { "name": "t", "steps": [ { "step": "users", "users": [
                { "email": "{{email}}", "password": "Operatore-Demo-1", "roles": ["Operator"], "displayName": "Olga Operatrice" },
                { "email": "c-{{email}}", "password": "Cliente-Demo-1", "roles": ["Customer"] } ] } ] }
            """, tenant);
        var operatorClient = app.ClientFor();
        await SignIn.AsAsync(operatorClient, "/" + tenant, email, "Operatore-Demo-1");
        var page = await operatorClient.GetStringAsync($"/{tenant}/admin/jobs");
        Assert.DoesNotContain(ChoresModule.JobKey, page); // the module is off here
        Assert.DoesNotContain(Sportello.Core.Jobs.OutboxDispatcherJob.Key, page); // the platform's jobs are the Default tenant's
        var refused = await SignIn.PostFormAsync(operatorClient, $"/{tenant}/account", $"/{tenant}/admin/jobs?handler=Run", new() { ["key"] = ChoresModule.JobKey });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await SignIn.PostFormAsync(operatorClient, $"/{tenant}/account", $"/{tenant}/admin/jobs?handler=Run", new() { ["key"] = OutboxDispatcherJob.Key })).StatusCode);

        await app.RunRecipeAsync("""{ "name": "t", "steps": [ { "step": "modules", "enable": ["chores"] } ] }""", tenant);
        await RunsAsync(tenant, r => r.Count > 0); // the schedule found it
        var started = await SignIn.PostFormAsync(operatorClient, $"/{tenant}/account", $"/{tenant}/admin/jobs?handler=Run", new() { ["key"] = ChoresModule.JobKey });
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        Assert.Contains("«Riordino» è stata avviata", WebUtility.HtmlDecode(await operatorClient.GetStringAsync(started.Headers.Location!.OriginalString)));

        var manual = (await RunsAsync(tenant, r => r.Any(x => x.RequestedBy is not null))).First(r => r.RequestedBy is not null);
        Assert.Equal("Olga Operatrice", manual.RequestedBy);
        Assert.True(manual.Succeeded);
        var listed = WebUtility.HtmlDecode(await operatorClient.GetStringAsync($"/{tenant}/admin/jobs?job={ChoresModule.JobKey}"));
        Assert.Contains("Olga Operatrice", listed);
        Assert.Contains("ogni 2 secondi", listed);

        var audited = await app.InTenantAsync(tenant, sp => sp.GetRequiredService<KernelDbContext>().Set<AuditEntry>()
            .Where(a => a.Action == KernelAuditActions.JobRunRequested).Select(a => a.ActorName + " " + a.SubjectId).ToListAsync());
        Assert.Equal([$"Olga Operatrice {ChoresModule.JobKey}"], audited);

        // A customer holds no jobs.manage: neither the page nor the start.
        var customer = app.ClientFor();
        await SignIn.AsAsync(customer, "/" + tenant, "c-" + email, "Cliente-Demo-1");
        Assert.Equal(HttpStatusCode.Redirect, (await customer.GetAsync($"/{tenant}/admin/jobs")).StatusCode);
        var token = SignIn.AntiforgeryToken(await customer.GetStringAsync($"/{tenant}/account"));
        var denied = await customer.PostAsync($"/{tenant}/admin/jobs?handler=Run", new FormUrlEncodedContent([new("key", ChoresModule.JobKey), new("__RequestVerificationToken", token)]));
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/access-denied", denied.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_platform_operator_sees_the_platform_jobs()
    {
        var client = app.ClientFor();
        await SignIn.AsAsync(client, "", SignIn.PlatformAdmin, SignIn.PlatformPassword);
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/admin/jobs"));
        Assert.Contains("Consegna degli eventi", page);
        Assert.Contains(JobRunsPurgeJob.Key, page);
        Assert.Contains("ogni notte alle 3.40", page);
    }
}

public sealed class JobsPageTestsOnSqlite(AppFixture fixture) : JobsPageTests(fixture.App), IClassFixture<AppFixture>;

public sealed class JobsPageTestsOnPostgres(PostgresAppFixture fixture) : JobsPageTests(fixture.App), IClassFixture<PostgresAppFixture>;
