using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sportello.Core.Modules;
using Sportello.Core.Security;
using Sportello.Core.Validation;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Pages.Admin.Roles;

/// <summary>
/// The tenant's roles and what each may do, chosen among the permissions of its enabled modules. A role can be
/// changed only by someone who holds every permission it has and every one it is given.
/// </summary>
[RequirePermission(IdentityPermissions.ManageRoles)]
public sealed class IndexModel(
    RoleManager<SportelloRole> roles,
    UserManager<SportelloUser> users,
    RoleGuard guard,
    ModuleCatalog modules,
    AccountAudit audit,
    IStringLocalizer<IdentityStrings> L) : PageModel
{
    public sealed record RoleView(string Id, string Name, string? Description, IReadOnlySet<string> Permissions, IReadOnlyList<string> Missing);

    [BindProperty]
    public string NewName { get; set; } = string.Empty;

    [BindProperty]
    public string NewDescription { get; set; } = string.Empty;

    public IReadOnlyList<RoleView> Roles { get; private set; } = [];
    public IReadOnlyList<Permission> Available { get; private set; } = [];
    public string? Message { get; private set; }
    public FieldErrors Errors { get; } = new();

    /// <summary>Refusals of a role's permission form, by role id: shown in that role's section.</summary>
    public Dictionary<string, string> RoleErrors { get; } = new(StringComparer.Ordinal);

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var name = NewName.Trim();
        if (name.Length is 0 or > 100)
        {
            Errors.Add(nameof(NewName), L["Scrivi il nome del ruolo (al massimo 100 caratteri)."]);
        }
        else if (await roles.RoleExistsAsync(name) || DefaultRoles.All.Keys.Any(k => string.Equals(L[RoleNames.Display(k)], name, StringComparison.OrdinalIgnoreCase)))
        {
            Errors.Add(nameof(NewName), L["Esiste già un ruolo con questo nome."]);
        }

        if (NewDescription.Trim().Length > 500)
        {
            Errors.Add(nameof(NewDescription), L["La descrizione può avere al massimo 500 caratteri."]);
        }

        if (Errors.Count == 0)
        {
            await RoleSeeding.EnsureRoleAsync(roles, name, NewDescription.Trim() is { Length: > 0 } description ? description : null, []);
            Message = L["Ruolo creato."];
            NewName = NewDescription = string.Empty;
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostPermissionsAsync(string id, string[] granted, CancellationToken ct)
    {
        var role = await roles.FindByIdAsync(id);
        var actor = await users.GetUserAsync(User);
        if (role is null || actor is null)
        {
            return NotFound();
        }

        await LoadAsync();
        var chosen = granted.Where(p => !string.IsNullOrWhiteSpace(p)).Distinct(StringComparer.Ordinal).ToList();
        var allowed = Available.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        if (role.Name == DefaultRoles.Administrator || chosen.Any(p => !allowed.Contains(p)))
        {
            RoleErrors[role.Id] = L["Permessi non validi per questo ruolo."];
            return Page();
        }

        // Acting on the role touches what it gives now and what it will give.
        var current = await guard.OfRoleAsync(role.Name!);
        if (await guard.MissingAsync(actor, current.Concat(chosen)) is { Count: > 0 } missing)
        {
            RoleErrors[role.Id] = L["Non puoi cambiare il ruolo «{0}»: riguarda permessi che tu non hai ({1}).", role.Name!, string.Join(", ", missing)];
            return Page();
        }

        await RoleSeeding.EnsureRoleAsync(roles, role.Name!, null, chosen);
        await audit.RecordAsync(AuditActions.RolePermissionsChanged, null, detail: $"{role.Name}: {string.Join(", ", chosen.Order(StringComparer.Ordinal))}", ct: ct);
        Message = L["Permessi salvati. Valgono entro un minuto per gli utenti con questo ruolo."];
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var actor = await users.GetUserAsync(User);
        var all = guard.All;
        Available = modules.AllPermissions.Where(p => all.Contains(p.Name)).ToList();
        var list = new List<RoleView>();
        foreach (var role in await roles.Roles.OrderBy(r => r.Name).ToListAsync())
        {
            var permissions = await guard.OfRoleAsync(role.Name!);
            var missing = actor is null ? [] : await guard.MissingAsync(actor, permissions);
            list.Add(new RoleView(role.Id, role.Name!, role.Description, permissions, missing));
        }

        Roles = list;
    }
}
