using Microsoft.AspNetCore.Mvc;
using Sportello.Billing.Domain;
using Sportello.Core.Tenancy;

namespace Sportello.Billing.Pages.Area.Expiries;

/// <summary>
/// Upcoming expiries of the organization's services, for a period (the next two months unless chosen, or all), to
/// renew one by one or several at once as one order ("Paga la selezione"), each for a term of its own.
/// </summary>
public sealed class IndexModel(Renewals renewals, TenantContext tenant, TimeProvider clock) : BillingAreaPage
{
    /// <summary>The periods offered, in months ahead; <c>all</c> shows every renewable service.</summary>
    public static readonly IReadOnlyList<(string Code, int Months)> Periods = [("1m", 1), ("2m", 2), ("3m", 3), ("6m", 6), ("12m", 12)];

    [BindProperty(SupportsGet = true)] public string? Period { get; set; }

    /// <summary>Every row ticked ("Seleziona tutti" works without script).</summary>
    [BindProperty(SupportsGet = true)] public bool All { get; set; }

    [BindProperty] public List<Guid> Selected { get; set; } = [];

    // Keyed by the service id as text: a key that is not a Guid is then just unmatched, never a binding failure.
    [BindProperty] public Dictionary<string, string> Terms { get; set; } = [];

    public IReadOnlyList<Renewable> Rows { get; private set; } = [];
    public DateOnly Today { get; private set; }
    public DateOnly WindowEnd { get; private set; }

    public bool Expiring(Renewable row) => row.Service.Expires is { } e && e <= WindowEnd;

    public bool Ticked(Renewable row) => All || Selected.Contains(row.Service.Id);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (await LoadMembershipAsync(ct))
        {
            await LoadAsync(ct);
        }
    }

    public Task<IActionResult> OnPostPayAsync(CancellationToken ct) => PayingAsync(async () =>
    {
        var choices = new List<RenewalChoice>();
        foreach (var id in Selected.Distinct())
        {
            if (Term.Find(Terms.GetValueOrDefault(id.ToString())) is not { } term)
            {
                Errors.Add(nameof(Selected), L["Scegli la durata di ogni servizio selezionato."]);
                await LoadAsync(ct);
                return Page();
            }

            choices.Add(new RenewalChoice(id, term));
        }

        var placed = await renewals.PlaceAsync(Membership!.OrganizationId, choices, UserId, ct);
        return RedirectToPage("/Area/Orders/Details", new { orderId = placed.OrderId, done = "placed" });
    }, () => LoadAsync(ct), ct, field => field switch
    {
        "selection" => nameof(Selected),
        var other when other.StartsWith("lines[", StringComparison.Ordinal) || other.StartsWith("services[", StringComparison.Ordinal) => nameof(Selected),
        var other when other.StartsWith("organization.", StringComparison.Ordinal) => nameof(Selected),
        var other => other,
    });

    private async Task LoadAsync(CancellationToken ct)
    {
        var zone = tenant.Tenant.TimeZone;
        Today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(clock.GetUtcNow().UtcDateTime, zone));
        WindowEnd = Today.AddMonths(tenant.GetModuleSettings<BillingSettings>(BillingModule.ModuleId).RenewalWindowMonths);
        var months = Period == "all" ? (int?)null : Periods.FirstOrDefault(p => p.Code == Period) is { Code: not null } picked ? picked.Months : 2;
        Period = months is null ? "all" : $"{months}m";
        Rows = await renewals.RenewableAsync(Membership!.OrganizationId, months is { } m ? Today.AddMonths(m) : null, ct);
    }
}
