using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Sportello.KnowledgeBase.Domain;

/// <summary>Flushes the view counters on a timer, and once more when the node stops so its counts are not lost.</summary>
internal sealed class ArticleViewsFlush(ArticleViews views, IOptions<KnowledgeBaseOptions> options, TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ViewsFlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await views.FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await views.FlushAsync(CancellationToken.None);
    }
}
