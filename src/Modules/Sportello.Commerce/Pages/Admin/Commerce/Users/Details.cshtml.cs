using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sportello.Core.Audit;
using Sportello.Core.Security;
using Sportello.Core.Storage;
using Sportello.Identity;
using Sportello.Organizations;

namespace Sportello.Commerce.Pages.Admin.Commerce.Users;

/// <summary>
/// One shop account: its data, the records it reaches, recent sign-ins and history, and what an operator does to it
/// (a password they tell the customer, deactivation and reactivation).
/// </summary>
[RequirePermission(CommercePermissions.Users)]
public sealed class DetailsModel(ICustomerAccounts accounts, IAccountRecords records, KernelDbContext kernel, AuditActionCatalog actions, IStringLocalizer<CommerceStrings> L) : PageModel
{
    [BindProperty] public string? Password { get; set; }
    [BindProperty] public string? Confirmation { get; set; }

    public CustomerAccount Account { get; private set; } = null!;
    public IReadOnlyList<AccountRecord> Records { get; private set; } = [];
    public IReadOnlyList<AuditEntry> SignIns { get; private set; } = [];
    public IReadOnlyList<AuditEntry> History { get; private set; } = [];
    public IReadOnlyList<string> Errors { get; private set; } = [];
    public string? Message { get; private set; }

    public string ActionName(string key) => actions.Display(key);

    public async Task<IActionResult> OnGetAsync(string id, string? done, CancellationToken ct)
    {
        Message = done switch
        {
            "password" => L["Password impostata. Comunicala tu al cliente: non è stata inviata nessuna e-mail."].Value,
            "deactivated" => L["Account disattivato: le sue sessioni sono chiuse e non può più accedere. Le anagrafiche restano."].Value,
            "reactivated" => L["Account riattivato: il cliente può di nuovo accedere."].Value,
            "dissociated" => L["Account dissociato dall'anagrafica: resta attivo per le altre qui sotto."].Value,
            _ => null,
        };
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPasswordAsync(string id, CancellationToken ct)
    {
        if (await accounts.FindAsync(id, ct) is null)
        {
            return NotFound();
        }

        Errors = await accounts.SetPasswordAsync(id, Password, Confirmation, ct);
        if (Errors.Count == 0)
        {
            return RedirectToPage(new { id, done = "password" });
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken ct) => SetActiveAsync(id, active: false, ct);

    public Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken ct) => SetActiveAsync(id, active: true, ct);

    private async Task<IActionResult> SetActiveAsync(string id, bool active, CancellationToken ct)
    {
        if (await accounts.FindAsync(id, ct) is null)
        {
            return NotFound();
        }

        // Refused (already so, or changed by someone else at that moment): the page shows the state as it is now.
        return await accounts.SetActiveAsync(id, active, ct)
            ? RedirectToPage(new { id, done = active ? "reactivated" : "deactivated" })
            : RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(string id, CancellationToken ct)
    {
        if (await accounts.FindAsync(id, ct) is not { } account)
        {
            return false;
        }

        Account = account;
        Records = (await records.OfAsync([id], ct)).GetValueOrDefault(id) ?? [];
        var entries = kernel.Set<AuditEntry>().AsNoTracking().Where(e => e.SubjectType == SignInAudit.SubjectType && e.SubjectId == id);
        SignIns = await AuditFilter.Newest(entries.Where(e => SignInAudit.All.Contains(e.Action))).Take(10).ToListAsync(ct);
        History = await AuditFilter.Newest(entries.Where(e => !SignInAudit.All.Contains(e.Action))).Take(50).ToListAsync(ct);
        return true;
    }
}
