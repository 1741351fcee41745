using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Audit;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Pages.Area.Organization;

/// <summary>
/// The organization's own part of the tenant's audit log (members, rights, legal data, and what other modules record
/// for it), for its legal representatives and administrators: filtered by action and days, exported as CSV.
/// </summary>
public sealed class ActivityModel(KernelDbContext db, TenantContext tenant, AuditActionCatalog actions, IAuditLog audit) : OrganizationPage
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Rows { get; private set; } = [];
    public bool HasNext { get; private set; }
    public AuditActionCatalog Actions => actions;

    /// <summary>What the organization's log can hold: the actions of the tenant's enabled modules.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<AuditAction> Actions)> Choices =>
        [.. actions.Of(m => tenant.Tenant.IsEnabled(m.Id)).Select(g => (g.Module.Name, g.Actions))];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } refused)
        {
            return refused;
        }

        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        if (!CheckDates())
        {
            return Page();
        }

        var page = await AuditFilter.Newest(Entries()).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).AsNoTracking().ToListAsync(ct);
        HasNext = page.Count > PageSize;
        Rows = page.Take(PageSize).ToList();
        return Page();
    }

    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } refused)
        {
            return refused;
        }

        if (!CheckDates())
        {
            return Page();
        }

        await audit.RecordAsync(new AuditRecord(KernelAuditActions.AuditExported)
        {
            OrganizationId = Membership!.OrganizationId.ToString(),
            SubjectType = OrganizationAuditActions.SubjectType,
            SubjectId = Membership.OrganizationId.ToString(),
            SubjectName = Membership.Name,
        }, ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"attivita-organizzazione-{tenant.Tenant.Today(TimeProvider.System):yyyy-MM-dd}.csv\"";
        await AuditCsv.WriteAsync(Response.Body, Entries(), tenant.Tenant, actions, CultureInfo.CurrentUICulture, ct, withAddresses: false);
        return new EmptyResult();
    }

    // The organization id is the one the user acts for, never one from the request.
    private IQueryable<AuditEntry> Entries()
    {
        var id = Membership!.OrganizationId.ToString();
        return new AuditFilter(Action: Action, From: From, To: To).Apply(db.Set<AuditEntry>().Where(e => e.OrganizationId == id), tenant.Tenant);
    }

    private async Task<IActionResult?> GuardAsync(CancellationToken ct)
    {
        if (!await LoadMembershipAsync(ct))
        {
            return NotFound();
        }

        return await MayAsync(OrganizationRight.ViewActivity) ? null : Forbid();
    }

    private bool CheckDates()
    {
        foreach (var field in new[] { nameof(From), nameof(To) })
        {
            if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0)
            {
                Errors.Add(field, L["«{0}» non è una data: usa il formato gg/mm/aaaa.", entry.AttemptedValue ?? string.Empty]);
            }
        }

        if (Errors.Count == 0 && From > To)
        {
            Errors.Add(nameof(To), L["La data finale viene prima di quella iniziale."]);
        }

        return Errors.Count == 0;
    }

    public Dictionary<string, string?> Query(int? page = null) => new()
    {
        ["action"] = Action,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["p"] = page?.ToString(CultureInfo.InvariantCulture),
    };
}
