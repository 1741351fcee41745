using Microsoft.AspNetCore.OutputCaching;
using Sportello.Core.Events;
using Sportello.Core.Tenancy;

namespace Sportello.Pages.Domain;

/// <summary>The home page is cached per tenant; new content must show on the next request.</summary>
internal sealed class EvictHomePage(IOutputCacheStore cache, TenantContext tenant) : IDomainEventHandler<HomeContentChanged>
{
    public async Task HandleAsync(HomeContentChanged domainEvent, CancellationToken ct) =>
        await cache.EvictByTagAsync(TenantOutputCachePolicy.Tag(tenant.Name), ct);
}
