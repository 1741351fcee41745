using Microsoft.Extensions.Logging;
using Sportello.Core.Tenancy;
using Sportello.KnowledgeBase.Data;

namespace Sportello.KnowledgeBase.Search;

/// <summary>
/// The help centre's search: the tenant's index when it is healthy, the database otherwise. Whatever the reader
/// types gets a page, never an error.
/// </summary>
public sealed class HelpSearch(SearchIndexes indexes, TenantContext tenant, KnowledgeBaseDbContext db, ILogger<HelpSearch> logger)
{
    public const int MaxQueryLength = 200;
    public const int PageSize = 10;
    public const int MaxPage = 50;

    public async Task<SearchResults> SearchAsync(string? text, string? category, int page, CancellationToken ct)
    {
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return SearchResults.Nothing(SearchOutcome.Empty);
        }

        if (text.Length > MaxQueryLength)
        {
            return SearchResults.Nothing(SearchOutcome.TooLong);
        }

        page = Math.Clamp(page, 1, MaxPage);
        category = string.IsNullOrWhiteSpace(category) ? null : category;
        if (indexes.Ready(tenant.Tenant) is { } index)
        {
            try
            {
                return index.Search(text, category, page, PageSize);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                indexes.Broken(tenant.Name, ex, "a search failed");
            }
        }

        logger.LogDebug("Tenant {TenantName}: search answered from the database", tenant.Name);
        return await DatabaseSearch.SearchAsync(db, SearchAnalyzers.NameFor(tenant.Tenant.Culture), text, category, page, PageSize, ct);
    }
}
