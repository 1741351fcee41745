using Sportello.Billing.Domain;
using Sportello.Core.Jobs;
using Sportello.Core.Tenancy;

namespace Sportello.Billing.Jobs;

/// <summary>Expires the orders left unpaid past the tenant's <see cref="BillingSettings.PendingDays"/>.</summary>
public sealed class ExpireOrdersJob(OrderActions orders) : ITenantJob
{
    public const string Key = "billing.expire-orders";

    public Task<int> RunAsync(Tenant tenant, CancellationToken ct) => orders.ExpireDueAsync(ct);
}
