using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Modules;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Pages.Admin.Roles;

/// <summary>The tenant's roles and what each may do, chosen among the permissions of its enabled modules.</summary>
[RequirePermission(IdentityPermissions.ManageRoles)]
public sealed class IndexModel(RoleManager<SportelloRole> roles, ModuleCatalog modules, TenantContext tenant, AuditLog audit) : PageModel
{
    public sealed record RoleView(string Id, string Name, string? Description, IReadOnlySet<string> Permissions);

    [BindProperty]
    public string NewName { get; set; } = string.Empty;

    [BindProperty]
    public string? NewDescription { get; set; }

    public IReadOnlyList<RoleView> Roles { get; private set; } = [];
    public IReadOnlyList<Permission> Available { get; private set; } = [];
    public string? Message { get; private set; }
    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync()
    {
        var name = NewName.Trim();
        if (name.Length is 0 or > 100)
        {
            Errors = ["Il nome del ruolo è obbligatorio (massimo 100 caratteri)."];
        }
        else if (await roles.RoleExistsAsync(name))
        {
            Errors = ["Esiste già un ruolo con questo nome."];
        }
        else
        {
            await RoleSeeding.EnsureRoleAsync(roles, name, string.IsNullOrWhiteSpace(NewDescription) ? null : NewDescription.Trim(), []);
            Message = "Ruolo creato.";
        }

        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostPermissionsAsync(string id, string[] granted, CancellationToken ct)
    {
        var role = await roles.FindByIdAsync(id);
        if (role is null)
        {
            return NotFound();
        }

        await LoadAsync();
        var allowed = Available.Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        if (role.Name == DefaultRoles.Administrator || granted.Any(p => !allowed.Contains(p)))
        {
            Errors = ["Permessi non validi per questo ruolo."];
            return Page();
        }

        await RoleSeeding.EnsureRoleAsync(roles, role.Name!, null, granted.Distinct().ToList());
        await audit.RecordAsync(AuditActions.RolePermissionsChanged, null, detail: $"{role.Name}: {string.Join(", ", granted.Order())}", ct: ct);
        Message = "Permessi salvati. Valgono dal prossimo accesso degli utenti con questo ruolo.";
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        Available = modules.Ordered.Where(m => tenant.Tenant.IsEnabled(m.Id)).SelectMany(m => m.Permissions).ToList();
        var list = new List<RoleView>();
        foreach (var role in await roles.Roles.OrderBy(r => r.Name).ToListAsync())
        {
            var claims = await roles.GetClaimsAsync(role);
            list.Add(new RoleView(role.Id, role.Name!, role.Description,
                claims.Where(c => c.Type == PermissionPolicyProvider.ClaimType).Select(c => c.Value).ToHashSet(StringComparer.Ordinal)));
        }

        Roles = list;
    }
}
