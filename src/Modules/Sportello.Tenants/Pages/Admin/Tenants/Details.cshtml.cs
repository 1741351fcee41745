using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Core;
using Sportello.Core.Modules;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.Tenants.Domain;

namespace Sportello.Tenants.Pages.Admin.Tenants;

/// <summary>
/// One tenant: its state and addresses, modules (with what a change would bring along, shown before it is
/// confirmed), module settings, plan limits, suspend/resume, export and removal.
/// </summary>
[RequirePermission(TenantsPermissions.View)]
public sealed class DetailsModel(
    TenantRegistry registry,
    ModuleCatalog modules,
    TenantOperations operations,
    ModuleReach reach,
    IAuthorizationService authorization,
    Microsoft.Extensions.Localization.IStringLocalizer<TenantsStrings> L) : PageModel
{
    public Tenant Tenant { get; private set; } = null!;
    public IReadOnlyList<Module> Available { get; private set; } = [];
    public IReadOnlyList<PlanLimit> LimitDefinitions { get; private set; } = [];
    public ModuleChangePreview? Preview { get; private set; }
    public IReadOnlyList<ValidationProblem> Problems { get; private set; } = [];
    public string? Message { get; private set; }

    [BindProperty(SupportsGet = true)] public string Name { get; set; } = string.Empty;
    [BindProperty(SupportsGet = true)] public string[] Enable { get; set; } = [];
    [BindProperty(SupportsGet = true)] public string[] Disable { get; set; } = [];
    [BindProperty] public string? SettingsModule { get; set; }
    [BindProperty] public string? SettingsJson { get; set; }
    [BindProperty] public Dictionary<string, string?> Limits { get; set; } = [];
    [BindProperty] public string? Confirmation { get; set; }

    /// <summary>"suspend": the step that asks before the tenant goes offline.</summary>
    [BindProperty(SupportsGet = true)] public string? Confirm { get; set; }

    /// <summary>What a module shows people, for saying what stops working when it is switched off.</summary>
    public ModuleReach.Reach ReachOf(Module module) => reach.Of(module);

    /// <summary>Why a module cannot be switched off here, or null when it can: other enabled modules need it, or the platform does.</summary>
    public string? LockedBecause(Module module)
    {
        if (Tenant.Settings.IsDefault && module.Id == TenantsModule.ModuleId)
        {
            return L["Serve alla piattaforma per amministrare i tenant."].Value;
        }

        var dependents = modules.Dependents(module.Id, Tenant.Settings.EnabledModules);
        return dependents.Count == 0 ? null : L["Non si può disattivare: serve a {0}.", string.Join(", ", dependents.Select(id => modules.Find(id)?.Name ?? id))].Value;
    }

    public string SettingsText(string moduleId) =>
        Tenant.Settings.ModuleSettings.TryGetValue(moduleId, out var json)
            ? JsonSerializer.Serialize(json, Indented)
            : "{}";

    private static readonly JsonSerializerOptions Indented = new(SportelloJson.Options) { WriteIndented = true };

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Load())
        {
            return NotFound();
        }

        Message = TempData["Message"] as string;
        await CanManageAsync();
        if (Enable.Length + Disable.Length > 0)
        {
            await TryAsync(async () => Preview = await operations.PreviewAsync(Name, Enable, Disable, ct));
        }

        return Page();
    }

    public async Task<IActionResult> OnGetExportAsync(bool people, CancellationToken ct)
    {
        if (!Load())
        {
            return NotFound();
        }

        if (!await CanManageAsync())
        {
            return Forbid();
        }

        var recipe = await operations.ExportAsync(Name, people, ct);
        var bytes = Encoding.UTF8.GetBytes(recipe.ToJsonString(Indented));
        return File(bytes, "application/json", $"{Name}.recipe.json");
    }

    public Task<IActionResult> OnPostModulesAsync(CancellationToken ct) =>
        ActAsync(async () => await operations.ChangeModulesAsync(Name, Enable, Disable, ct), "Moduli aggiornati.");

    public Task<IActionResult> OnPostSettingsAsync(CancellationToken ct) => ActAsync(async () =>
    {
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(SettingsJson ?? "{}").RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw new SportelloValidationException("settings", $"JSON non valido alla riga {(ex.LineNumber ?? 0) + 1}: controlla virgole e virgolette.");
        }

        await operations.SetModuleSettingsAsync(Name, SettingsModule ?? string.Empty, json, ct);
    }, "Impostazioni salvate.");

    public Task<IActionResult> OnPostLimitsAsync(CancellationToken ct) => ActAsync(async () =>
    {
        var values = new Dictionary<string, long?>(StringComparer.Ordinal);
        foreach (var (key, text) in Limits)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                values[key] = null;
            }
            else if (long.TryParse(text.Trim(), out var value))
            {
                values[key] = value;
            }
            else
            {
                throw new SportelloValidationException($"limits.{key}", $"Il limite '{key}' deve essere un numero intero (vuoto: nessun limite).");
            }
        }

        await operations.SetLimitsAsync(Name, values, ct);
    }, "Limiti salvati.");

    public Task<IActionResult> OnPostSuspendAsync(CancellationToken ct) =>
        ActAsync(async () => await operations.SuspendAsync(Name, ct), "Tenant sospeso: risponde con una pagina di servizio sospeso.");

    public Task<IActionResult> OnPostResumeAsync(CancellationToken ct) =>
        ActAsync(async () => await operations.ResumeAsync(Name, ct), "Tenant riattivato.");

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        if (!Load())
        {
            return NotFound();
        }

        if (!await CanManageAsync())
        {
            return Forbid();
        }

        string? leftBehind = null;
        if (await TryAsync(async () => leftBehind = await operations.RemoveAsync(Name, Confirmation, ct)))
        {
            TempData["Message"] = leftBehind ?? $"Tenant '{Name}' rimosso.";
            return Redirect(Url.Content("~/admin/tenants"));
        }

        return Page();
    }

    private async Task<IActionResult> ActAsync(Func<Task> action, string done)
    {
        if (!Load())
        {
            return NotFound();
        }

        // Razor Pages apply authorization attributes per page, not per handler: changes check the stronger permission here.
        if (!await CanManageAsync())
        {
            return Forbid();
        }

        if (await TryAsync(action))
        {
            TempData["Message"] = done;
            return Redirect(Url.Content("~/admin/tenants/" + Name));
        }

        return Page();
    }

    private async Task<bool> TryAsync(Func<Task> action)
    {
        try
        {
            await action();
            return true;
        }
        catch (SportelloValidationException ex)
        {
            Problems = ex.Problems;
            return false;
        }
    }

    public bool CanManage { get; private set; }

    private async Task<bool> CanManageAsync() =>
        CanManage = (await authorization.AuthorizeAsync(User, PermissionPolicyProvider.PolicyFor(TenantsPermissions.Manage))).Succeeded;

    private bool Load()
    {
        if (registry.Find(Name) is not { } tenant)
        {
            return false;
        }

        Tenant = tenant;
        Available = modules.Ordered.Where(m => tenant.Settings.IsDefault || !m.DefaultTenantOnly).ToList();
        LimitDefinitions = modules.Ordered.SelectMany(m => m.Limits).ToList();
        return true;
    }

    public static string StateLabel(TenantState state) => IndexModel.StateLabel(state);
}
