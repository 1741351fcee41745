using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Tenancy;
using Sportello.Mail;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;
using Sportello.Organizations.Mail;

namespace Sportello.Organizations.Pages.Area.Organization;

/// <summary>
/// The organization's members and their roles, and the invitations still open: managed by legal representatives and
/// administrators, always leaving a legal representative.
/// </summary>
public sealed class MembersModel(
    OrganizationsDbContext db, Memberships memberships, Invitations invitations, IMailSender mail, TenantLinks links, TenantContext tenant, TimeProvider time) : OrganizationPage
{
    [BindProperty] public string? InviteEmail { get; set; }
    [BindProperty] public OrganizationRole InviteRole { get; set; } = OrganizationRole.Collaborator;

    public IReadOnlyList<Member> Members { get; private set; } = [];
    public IReadOnlyList<Invitation> Open { get; private set; } = [];
    public DateTime NowUtc => time.GetUtcNow().UtcDateTime;

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return Page();
        }

        Message = done switch
        {
            "role" => L["Ruolo cambiato."].Value,
            "removed" => L["Membro rimosso."].Value,
            "invited" => L["Invito inviato."].Value,
            "joined" => L["Benvenuto: ora fai parte dell'organizzazione."].Value,
            "resent" => L["Invito inviato di nuovo, con un collegamento nuovo."].Value,
            "revoked" => L["Invito revocato: il collegamento non funziona più."].Value,
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostRoleAsync(string? userId, string? role, CancellationToken ct)
    {
        if (!Enum.TryParse<OrganizationRole>(role, out var chosen) || !Enum.IsDefined(chosen))
        {
            return BadRequest();
        }

        return await ManageAsync(userId, chosen, target => memberships.ChangeRoleAsync(Membership!.OrganizationId, target, chosen, UserId, ct), "role", ct);
    }

    public Task<IActionResult> OnPostRemoveAsync(string? userId, CancellationToken ct) =>
        ManageAsync(userId, null, target => memberships.RemoveAsync(Membership!.OrganizationId, target, leaving: false, UserId, ct), "removed", ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } refused)
        {
            return refused;
        }

        if (!Enum.IsDefined(InviteRole) || ModelState[nameof(InviteRole)] is { Errors.Count: > 0 })
        {
            Errors.Add(nameof(InviteRole), L["Scegli un ruolo dell'elenco."]);
            await ReloadAsync(ct);
            return Page();
        }

        if (InviteRole == OrganizationRole.LegalRepresentative && !MayEdit)
        {
            return Forbid();
        }

        return await ChangeAsync(async () =>
        {
            var issued = await invitations.InviteAsync(Membership!.OrganizationId, InviteEmail, InviteRole, UserId, ct);
            return await SendAsync(issued, "invited", ct);
        }, () => ReloadAsync(ct), new Dictionary<string, string> { ["Email"] = nameof(InviteEmail) });
    }

    public async Task<IActionResult> OnPostResendAsync(Guid invitationId, CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } refused)
        {
            return refused;
        }

        return await ChangeAsync(async () => await invitations.ResendAsync(Membership!.OrganizationId, invitationId, UserId, ct) is { } issued
            ? await SendAsync(issued, "resent", ct)
            : NotFound(), () => ReloadAsync(ct));
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid invitationId, CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } refused)
        {
            return refused;
        }

        return await ChangeAsync(async () => await invitations.RevokeAsync(Membership!.OrganizationId, invitationId, UserId, ct)
            ? RedirectToPage(new { done = "revoked" })
            : NotFound(), () => ReloadAsync(ct));
    }

    /// <summary>
    /// Sends the invitation once it is saved: a mail server that does not answer loses nothing, and the page says
    /// to send it again.
    /// </summary>
    private async Task<IActionResult> SendAsync(Invitations.Issued issued, string done, CancellationToken ct)
    {
        var invitation = issued.Invitation;
        var culture = CultureInfo.CurrentUICulture;
        try
        {
            await mail.SendAsync(InvitationMail.Key, invitation.Email, null, new Dictionary<string, object?>
            {
                ["inviter"] = invitation.InvitedByName,
                ["organization"] = issued.OrganizationName,
                ["role"] = L[OrganizationNames.Of(invitation.Role)].Value.ToLower(culture),
                ["expires"] = tenant.Tenant.Local(invitation.ExpiresUtc).ToString("d MMMM yyyy, HH:mm", culture),
                ["link"] = links.To("/area/organization/invitation", [new("token", issued.Token)]),
            }, culture, ct);
        }
        catch (MailDeliveryException failed)
        {
            Problem = L["L'invito è salvato ma l'e-mail non è partita: {0} Riprova con «Invia di nuovo».", L[MailDeliveryException.FormatOf(failed.Problem), failed.Server].Value];
            await ReloadAsync(ct);
            return Page();
        }

        return RedirectToPage(new { done });
    }

    private async Task<IActionResult> ManageAsync(string? userId, OrganizationRole? newRole, Func<string, Task> change, string done, CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } refused)
        {
            return refused;
        }

        var target = Members.FirstOrDefault(m => m.UserId == userId);
        if (target is null)
        {
            return NotFound(); // a member of another organization is not there to change
        }

        if ((target.Role == OrganizationRole.LegalRepresentative || newRole == OrganizationRole.LegalRepresentative) && !await MayAsync(OrganizationRight.AppointLegalRepresentative))
        {
            return Forbid();
        }

        return await ChangeAsync(async () =>
        {
            await change(target.UserId);
            return RedirectToPage(new { done });
        }, () => ReloadAsync(ct));
    }

    /// <summary>The refusal of a change by someone who may not manage members, or of a form shown for another organization; null to go on.</summary>
    private async Task<IActionResult?> GuardAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
        {
            return NotFound();
        }

        if (!MayManageMembers)
        {
            return Forbid();
        }

        return PostedForCurrent() ? null : Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadMembershipAsync(ct))
        {
            return false;
        }

        await ReloadAsync(ct);
        return true;
    }

    private async Task ReloadAsync(CancellationToken ct)
    {
        var id = Membership!.OrganizationId;
        Members = await db.Members.AsNoTracking().Where(m => m.OrganizationId == id).OrderBy(m => m.Role).ThenBy(m => m.DisplayName).ToListAsync(ct);
        if (MayManageMembers)
        {
            var recent = NowUtc.AddDays(-30);
            Open = await db.Invitations.AsNoTracking()
                .Where(i => i.OrganizationId == id && i.AcceptedUtc == null && i.RevokedUtc == null && i.ExpiresUtc > recent)
                .OrderByDescending(i => i.SentUtc).ToListAsync(ct);
        }
    }
}
