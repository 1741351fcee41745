using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Sportello.Core.Jobs;
using Sportello.KnowledgeBase.Data;

namespace Sportello.KnowledgeBase.Search;

/// <summary>
/// Applies the index queue on this node: at once for changes made here (the editor wakes it), and every
/// <see cref="KnowledgeBaseOptions.IndexPollInterval"/> for the open indexes, which picks up changes made on other nodes.
/// </summary>
internal sealed class SearchIndexWorker(IndexQueue queue, SearchIndexes indexes, TenantJobRunner runner, IOptions<KnowledgeBaseOptions> options) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The node is stopping; whatever is left in the queue is applied by the next start.
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var due = new HashSet<string>(StringComparer.Ordinal);
            using (var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                wait.CancelAfter(options.Value.IndexPollInterval);
                try
                {
                    due.Add(await queue.Wakeups.ReadAsync(wait.Token));
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    due.UnionWith(indexes.Open);
                }
            }

            while (queue.Wakeups.TryRead(out var more))
            {
                due.Add(more);
            }

            var tenants = runner.Eligible(KnowledgeBaseModule.ModuleId).Where(t => due.Contains(t.Name)).ToList();
            if (tenants.Count > 0)
            {
                await runner.ForEachTenantAsync(KnowledgeBaseModule.ModuleId,
                    (services, tenant, ct) => indexes.UpdateAsync(tenant, services.GetRequiredService<KnowledgeBaseDbContext>(), ct),
                    stoppingToken, tenants);
            }
        }
    }
}
