using Sportello.Billing.Domain;
using Sportello.Core.Jobs;
using Sportello.Core.Tenancy;

namespace Sportello.Billing.Jobs;

/// <summary>Completes or closes provider payments whose notification did not arrive (<see cref="Reconciliation"/>).</summary>
public sealed class ReconcilePaymentsJob(Reconciliation reconciliation) : ITenantJob
{
    public const string Key = "billing.reconcile-payments";

    public Task<int> RunAsync(Tenant tenant, CancellationToken ct) => reconciliation.RunAsync(ct);
}
