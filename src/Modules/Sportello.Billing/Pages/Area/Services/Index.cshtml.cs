using Microsoft.AspNetCore.Mvc;
using Sportello.Billing.Domain;
using Sportello.Core.Tenancy;

namespace Sportello.Billing.Pages.Area.Services;

/// <summary>
/// The organization's services with their expiry, soonest first. One expiring within the tenant's window is shown in
/// red with "Rinnova", which places a renewal order extending from the current expiry.
/// </summary>
public sealed class IndexModel(IServices services, Renewals renewals, TenantContext tenant, TimeProvider clock) : BillingAreaPage
{
    public IReadOnlyList<ServiceView> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public DateOnly WindowEnd { get; private set; }

    public bool Expiring(ServiceView service) =>
        service.Expires is { } expires && expires <= WindowEnd && service.Status is ServiceStatus.Active or ServiceStatus.Suspended;

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await LoadMembershipAsync(ct))
        {
            await LoadAsync(ct);
        }
    }

    public Task<IActionResult> OnPostRenewAsync(Guid serviceId, CancellationToken ct) => PayingAsync(async () =>
    {
        var placed = await renewals.PlaceAsync(Membership!.OrganizationId, serviceId, UserId, ct);
        return RedirectToPage("/Area/Orders/Details", new { orderId = placed.OrderId, done = "placed" });
    }, () => LoadAsync(ct), ct);

    private async Task LoadAsync(CancellationToken ct)
    {
        var zone = tenant.Tenant.TimeZone;
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone));
        WindowEnd = Today.AddMonths(tenant.GetModuleSettings<BillingSettings>(BillingModule.ModuleId).RenewalWindowMonths);
        Rows = await services.OfAsync(Membership!.OrganizationId, ct: ct);
    }
}
