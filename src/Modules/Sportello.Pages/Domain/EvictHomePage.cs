using Sportello.Core.Events;
using Sportello.Core.Tenancy;

namespace Sportello.Pages.Domain;

/// <summary>The home page is cached per tenant; new content must show on the next request, on every node.</summary>
internal sealed class EvictHomePage(TenantPageCache pages, TenantContext tenant) : IDomainEventHandler<HomeContentChanged>
{
    public async Task HandleAsync(HomeContentChanged domainEvent, EventContext context, CancellationToken ct) =>
        await pages.EvictAsync(tenant.Name, ct);
}
