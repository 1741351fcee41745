using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Jobs;
using Sportello.Core.Modules;
using Sportello.Core.Tenancy;

namespace Sportello.Host.Tests;

/// <summary>A module with a per-tenant job that counts its runs per tenant and fails for tenants told to.</summary>
public sealed class ChoresModule : Module
{
    public const string JobKey = "chores.tidy";

    public override string Id => "chores";
    public override string Name => "Chores";

    public override IEnumerable<ModuleJob> Jobs =>
        [ModuleJob.PerTenant<TidyJob>(JobKey, new("Riordino", "Tidying"), JobSchedule.Every(TimeSpan.FromSeconds(2)))];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration) => services.AddSingleton<TidyLog>();

    public sealed class TidyLog
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> _runs = new();

        public System.Collections.Concurrent.ConcurrentDictionary<string, bool> Failing { get; } = new();

        public int RunsFor(string tenant) => _runs.GetValueOrDefault(tenant);

        public int Count(string tenant) => _runs.AddOrUpdate(tenant, 1, (_, n) => n + 1);
    }

    public sealed class TidyJob(TidyLog log) : ITenantJob
    {
        public Task<int> RunAsync(Tenant tenant, CancellationToken ct)
        {
            log.Count(tenant.Name);
            return log.Failing.ContainsKey(tenant.Name)
                ? throw new InvalidOperationException($"Il magazzino di {tenant.Name} è chiuso.")
                : Task.FromResult(3);
        }
    }
}
