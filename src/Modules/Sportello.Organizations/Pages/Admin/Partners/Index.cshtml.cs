using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sportello.Core.Finance;
using Sportello.Core.Lifecycles;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Pages.Admin.Partners;

/// <summary>
/// The partner program in the back office: applications waiting for a decision (approve with a discount or a
/// cashback, or reject with a reason), the approved partners with their clients, and the yearly threshold.
/// </summary>
[RequirePermission(OrganizationsPermissions.Partners)]
public sealed class IndexModel(OrganizationsDbContext db, Domain.Partners partners, TenantService tenants, TenantContext tenant,
    Microsoft.AspNetCore.Authorization.IAuthorizationService authorization, IStringLocalizer<OrganizationsStrings> L) : PageModel
{
    public sealed record Row(Domain.Partner Partner, Domain.Organization Organization, int Clients);

    [BindProperty] public PartnerBenefit? Benefit { get; set; }
    // Numbers as typed: a number field sends "12.5" whatever the page's language, and a person may type "12,5".
    [BindProperty] public string? Percent { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? Threshold { get; set; }
    [BindProperty] public string? Currency { get; set; }

    public IReadOnlyList<Row> Applications { get; private set; } = [];
    public IReadOnlyList<Row> Approved { get; private set; } = [];
    public FieldErrors Errors { get; } = new();
    public string? Message { get; private set; }
    public string? Problem { get; private set; }
    public Guid? Failed { get; private set; }
    public OrganizationsSettings Settings => tenant.Settings.ModuleSettingsOf<OrganizationsSettings>(OrganizationsModule.ModuleId);

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        await LoadAsync(ct);
        (Threshold, Currency) = (Settings.PartnerThreshold.ToString("0.##", CultureInfo.InvariantCulture), Settings.PartnerCurrency);
        Message = done switch
        {
            "approved" => L["Partner approvato."].Value,
            "rejected" => L["Domanda respinta: il cliente legge il motivo nella sua area."].Value,
            "ended" => L["Collaborazione terminata: i clienti del partner non gli sono più accessibili."].Value,
            "threshold" => L["Soglia salvata."].Value,
            _ => null,
        };
    }

    public Task<IActionResult> OnPostApproveAsync(Guid organizationId, CancellationToken ct) =>
        DecideAsync(organizationId, () => partners.ApproveAsync(organizationId, Benefit, Number(Percent) ?? -1, Operator, ct), "approved", ct);

    public Task<IActionResult> OnPostRejectAsync(Guid organizationId, CancellationToken ct) =>
        DecideAsync(organizationId, () => partners.RejectAsync(organizationId, Reason, Operator, ct), "rejected", ct);

    public Task<IActionResult> OnPostEndAsync(Guid organizationId, CancellationToken ct) =>
        DecideAsync(organizationId, () => partners.EndAsync(organizationId, Reason, Operator, ct), "ended", ct);

    /// <summary>The yearly threshold shown to applicants and partners; changing it is a tenant setting.</summary>
    public async Task<IActionResult> OnPostThresholdAsync(CancellationToken ct)
    {
        if (!(await authorization.AuthorizeAsync(User, PermissionPolicyProvider.PolicyFor(KernelPermissions.ManageSettings))).Succeeded)
        {
            return Forbid();
        }

        if (Number(Threshold) is not { } amount || amount < 0 || amount > 10_000_000 || decimal.Round(amount, 2) != amount)
        {
            Errors.Add(nameof(Threshold), L["Scrivi un importo fra 0 e 10.000.000, con al massimo due decimali."]);
        }

        if (Sportello.Core.Finance.Currency.Find(Currency) is null)
        {
            Errors.Add(nameof(Currency), L["Scegli euro o franchi svizzeri."]);
        }

        if (Errors.Count > 0)
        {
            await LoadAsync(ct);
            return Page();
        }

        var settings = Settings with { PartnerThreshold = Number(Threshold)!.Value, PartnerCurrency = Sportello.Core.Finance.Currency.Parse(Currency!).Code };
        await tenants.UpdateAsync(tenant.Name, s => s.WithModuleSettings(OrganizationsModule.ModuleId, settings), ct);
        return RedirectToPage(new { done = "threshold" });
    }

    /// <summary>A decimal written with a dot or a comma before the decimals and no thousands separator; null otherwise.</summary>
    private static decimal? Number(string? text) =>
        decimal.TryParse(text?.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    private string Operator => User.DisplayName() ?? "operatore";

    private async Task<IActionResult> DecideAsync(Guid organizationId, Func<Task> decide, string done, CancellationToken ct)
    {
        try
        {
            await decide();
            return RedirectToPage(new { done });
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (SportelloValidationException refused)
        {
            foreach (var problem in refused.Problems)
            {
                Errors.Add(problem.Field, problem.Message);
            }
        }
        catch (LifecycleRefusedException refused)
        {
            Problem = refused.Reason.ToString();
        }
        catch (DbUpdateException)
        {
            Problem = L["Qualcun altro ha deciso nello stesso momento: ricarica la pagina."];
        }

        Failed = organizationId;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var rows = await (from p in db.Partners.AsNoTracking()
                          join o in db.Organizations.AsNoTracking() on p.OrganizationId equals o.Id
                          where p.Status == PartnerStatus.Applied || p.Status == PartnerStatus.Approved
                          orderby p.AppliedUtc
                          select new Row(p, o, db.PartnerClients.Count(c => c.PartnerId == p.OrganizationId && c.Status == PartnerClientStatus.Active))).ToListAsync(ct);
        Applications = rows.Where(r => r.Partner.Status == PartnerStatus.Applied).ToList();
        Approved = rows.Where(r => r.Partner.Status == PartnerStatus.Approved).OrderBy(r => r.Organization.LegalName).ToList();
    }
}
