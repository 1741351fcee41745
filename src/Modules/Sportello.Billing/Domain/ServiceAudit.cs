using Sportello.Core.Audit;

namespace Sportello.Billing.Domain;

/// <summary>The audit subject of a service, in the organization's log.</summary>
internal static class ServiceAudit
{
    public static AuditRecord Of(Service service, string action, IReadOnlyDictionary<string, object?>? details = null) =>
        AuditRecord.Of(action, BillingAuditActions.ServiceSubject, service.Id.ToString(), service.Description) with
        {
            OrganizationId = service.OrganizationId.ToString(),
            Details = details,
        };
}
