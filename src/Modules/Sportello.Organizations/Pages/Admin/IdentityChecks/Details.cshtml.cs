using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sportello.Core.Files;
using Sportello.Core.Lifecycles;
using Sportello.Core.Security;
using Sportello.Core.Validation;
using Sportello.Mail;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Pages.Admin.IdentityChecks;

/// <summary>One check: who and why, the confirmed mobile, the three photos while they exist, and the decision.</summary>
[RequirePermission(OrganizationsPermissions.IdentityChecks)]
public sealed class DetailsModel(OrganizationsDbContext db, Domain.IdentityChecks checks, ITenantFiles files, IStringLocalizer<OrganizationsStrings> L) : IdentityCheckPage
{
    public sealed record Photo(string Label, Guid? Id, bool Present);

    [BindProperty] public string? Reason { get; set; }

    /// <summary>When the photos on the page arrived, in ticks (posted back with Approve).</summary>
    [BindProperty] public long? Submitted { get; set; }

    public IdentityCheck Check { get; private set; } = null!;
    public string? OrganizationName { get; private set; }
    public IReadOnlyList<Photo> Photos { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, string? done, CancellationToken ct)
    {
        Message = done switch
        {
            "approved" => L["Verifica approvata: le foto sono state cancellate."].Value,
            "rejected" => L["Verifica respinta: le foto sono state cancellate e l'utente riceve il motivo."].Value,
            "again" => L["Foto cancellate: l'utente può inviarne di nuove dallo stesso collegamento."].Value,
            "sent" => L["Collegamento inviato di nuovo: quello di prima non funziona più."].Value,
            _ => null,
        };
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostApproveAsync(Guid id, CancellationToken ct) => ActAsync(id, () => checks.ApproveAsync(id, Submitted is { } ticks ? new DateTime(ticks, DateTimeKind.Utc) : null, Operator, ct), "approved", ct);

    public Task<IActionResult> OnPostRejectAsync(Guid id, CancellationToken ct) => ActAsync(id, () => checks.RejectAsync(id, Reason, Operator, ct), "rejected", ct);

    public Task<IActionResult> OnPostAskAgainAsync(Guid id, CancellationToken ct) => ActAsync(id, () => checks.AskAgainAsync(id, Reason, Operator, ct), "again", ct);

    public Task<IActionResult> OnPostSendAgainAsync(Guid id, CancellationToken ct) => ActAsync(id, async () =>
    {
        if (!await checks.SendAgainAsync(id, ct))
        {
            throw new KeyNotFoundException();
        }
    }, "sent", ct);

    private async Task<IActionResult> ActAsync(Guid id, Func<Task> act, string done, CancellationToken ct)
    {
        try
        {
            await act();
            return RedirectToPage(new { id, done });
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (SportelloValidationException refused)
        {
            Show(refused);
        }
        catch (LifecycleRefusedException refused)
        {
            Problem = refused.Reason.ToString();
        }
        catch (DbUpdateConcurrencyException)
        {
            Problem = L["Qualcun altro ha deciso nello stesso momento: ricarica la pagina."];
        }
        catch (MailDeliveryException failed)
        {
            Problem = L["L'e-mail non è partita: {0} Riprova più tardi.", L[MailDeliveryException.FormatOf(failed.Problem), failed.Server].Value];
        }

        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await db.IdentityChecks.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is not { } check)
        {
            return false;
        }

        Check = check;
        OrganizationName = check.OrganizationId is { } organizationId
            ? await db.Organizations.Where(o => o.Id == organizationId).Select(o => o.LegalName).SingleOrDefaultAsync(ct)
            : null;
        var photos = new List<Photo>();
        foreach (var (label, fileId) in new[] { ("Fronte del documento", check.FrontFileId), ("Retro del documento", check.BackFileId), ("Foto con il documento", check.SelfieFileId) })
        {
            photos.Add(new(label, fileId, fileId is { } present && await files.FindAsync(present, ct) is not null));
        }

        Photos = photos;
        return true;
    }
}
