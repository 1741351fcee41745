using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sportello.Core.Audit;
using Sportello.Core.Security;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;

namespace Sportello.Themes.Admin.Pages.Admin.Audit;

/// <summary>
/// The tenant's audit log, every module's entries in one list: filtered by who, what, on which subject and which days,
/// newest first a page at a time, and exported as CSV with the same filters.
/// </summary>
[RequirePermission(KernelPermissions.ViewAudit)]
public sealed class IndexModel(KernelDbContext db, TenantContext tenant, AuditActionCatalog actions, IAuditLog audit, IStringLocalizer<AdminStrings> L) : PageModel
{
    public const int PageSize = 50;

    private static readonly DateOnly Earliest = new(2000, 1, 1);
    private static readonly DateOnly Latest = new(2099, 12, 31);

    [BindProperty(SupportsGet = true)] public string? Actor { get; set; }
    [BindProperty(SupportsGet = true)] public string? Action { get; set; }
    [BindProperty(SupportsGet = true)] public string? Subject { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<AuditEntry> Rows { get; private set; } = [];
    public FieldErrors Errors { get; } = new();
    public bool HasNext { get; private set; }
    public AuditActionCatalog Actions => actions;

    /// <summary>The actions a tenant can filter by: the kernel's and its enabled modules', grouped by module.</summary>
    public IReadOnlyList<(string Group, IReadOnlyList<AuditAction> Actions)> Choices { get; private set; } = [];

    private AuditFilter Filter => new(Actor, Action, Subject, From, To);

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Clamp(PageNumber, 1, 10_000);
        LoadChoices();
        if (!CheckDates())
        {
            return;
        }

        var page = await AuditFilter.Newest(Filter.Apply(db.Set<AuditEntry>(), tenant.Tenant))
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).AsNoTracking().ToListAsync(ct);
        HasNext = page.Count > PageSize;
        Rows = page.Take(PageSize).ToList();
    }

    /// <summary>A post, with its antiforgery token: an export is written to the log and reads many rows, which no other site may cause.</summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        if (!CheckDates())
        {
            LoadChoices();
            return Page();
        }

        // The export is itself worth knowing about: it carries addresses and names out of the system.
        await audit.RecordAsync(new AuditRecord(KernelAuditActions.AuditExported)
        {
            Details = new Dictionary<string, object?> { ["filter"] = Describe() },
        }, ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"registro-attivita-{tenant.Name}-{tenant.Tenant.Today(TimeProvider.System):yyyy-MM-dd}.csv\"";
        await AuditCsv.WriteAsync(Response.Body, Filter.Apply(db.Set<AuditEntry>(), tenant.Tenant), tenant.Tenant, actions, CultureInfo.CurrentUICulture, ct);
        return new EmptyResult();
    }

    private void LoadChoices() =>
        Choices = [("Sportello", KernelAuditActions.All), .. actions.Of(m => tenant.Tenant.IsEnabled(m.Id)).Select(g => (g.Module.Name, g.Actions))];

    /// <summary>Dates a person can mean, the first not after the last; each refusal beside its field.</summary>
    private bool CheckDates()
    {
        foreach (var (field, value) in new[] { (nameof(From), From), (nameof(To), To) })
        {
            if (ModelState.TryGetValue(field, out var entry) && entry.Errors.Count > 0)
            {
                Errors.Add(field, L["«{0}» non è una data: usa il formato gg/mm/aaaa.", entry.AttemptedValue ?? string.Empty]);
            }
            else if (value is { } day && (day < Earliest || day > Latest))
            {
                Errors.Add(field, L["La data deve essere fra il {0} e il {1}.", Earliest.ToString("d"), Latest.ToString("d")]);
            }
        }

        if (Errors.Count == 0 && From > To)
        {
            Errors.Add(nameof(To), L["La data finale viene prima di quella iniziale."]);
        }

        return Errors.Count == 0;
    }

    /// <summary>The query string of the current filters, for the paging links and the export form.</summary>
    public Dictionary<string, string?> Query(int? page = null) => new()
    {
        ["actor"] = Actor,
        ["action"] = Action,
        ["subject"] = Subject,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["p"] = page?.ToString(CultureInfo.InvariantCulture),
    };

    private string Describe() =>
        string.Join(", ", Query().Where(p => p.Key != "p" && !string.IsNullOrWhiteSpace(p.Value)).Select(p => $"{p.Key}={p.Value}")) is { Length: > 0 } text ? text : "-";
}
