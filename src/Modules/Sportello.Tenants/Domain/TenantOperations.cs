using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Modules;
using Sportello.Core.Recipes;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.Core.Audit;

namespace Sportello.Tenants.Domain;

/// <summary>What enabling or disabling would do, shown before the operator confirms.</summary>
public sealed record ModuleChangePreview(IReadOnlyList<string> Enabling, IReadOnlyList<string> Disabling);

/// <summary>
/// The platform operator's actions on an existing tenant. Each goes through <see cref="TenantService"/> (catalog
/// first, then every node) and leaves an entry in the Default tenant's audit log.
/// </summary>
public sealed class TenantOperations(
    TenantCatalog catalog,
    TenantService tenants,
    TenantRegistry registry,
    ModuleCatalog modules,
    IServiceScopeFactory scopes,
    IAuditLog audit)
{
    public async Task<TenantSettings> GetAsync(string name, CancellationToken ct) =>
        await catalog.FindAsync(name, ct) ?? throw new TenantNotFoundException(name);

    /// <summary>The modules that would be switched on (dependencies included) and off; a refusal when not allowed.</summary>
    public async Task<ModuleChangePreview> PreviewAsync(string name, IReadOnlyList<string> enable, IReadOnlyList<string> disable, CancellationToken ct)
    {
        var blanks = enable.Select((id, i) => (Field: $"enable[{i}]", id)).Concat(disable.Select((id, i) => (Field: $"disable[{i}]", id)))
            .Where(e => string.IsNullOrWhiteSpace(e.id))
            .Select(e => new ValidationProblem(e.Field, "Manca il nome del modulo."))
            .ToList();
        if (blanks.Count > 0)
        {
            throw new SportelloValidationException(blanks);
        }

        var tenant = await GetAsync(name, ct);
        var enabling = enable.Count == 0 ? [] : tenants.CheckEnable(tenant, enable).Except(tenant.EnabledModules).ToList();
        var removing = disable.Where(tenant.EnabledModules.Contains).ToHashSet(StringComparer.Ordinal);
        var unknown = disable.Where(id => !modules.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            throw new SportelloValidationException("disable", $"Modulo sconosciuto: {string.Join(", ", unknown)}.");
        }

        if (tenant.IsDefault && removing.Contains(TenantsModule.ModuleId))
        {
            throw new SportelloValidationException("disable", "Il modulo dei tenant non può essere disattivato sul tenant della piattaforma: nessuno potrebbe più amministrare i tenant.");
        }

        tenants.CheckDisable(tenant.EnabledModules.Union(enabling).ToList(), removing);
        return new ModuleChangePreview(enabling, removing.Order(StringComparer.Ordinal).ToList());
    }

    public async Task<TenantSettings> ChangeModulesAsync(string name, IReadOnlyList<string> enable, IReadOnlyList<string> disable, CancellationToken ct)
    {
        var preview = await PreviewAsync(name, enable, disable, ct);
        var result = await GetAsync(name, ct);
        if (enable.Count > 0)
        {
            result = await tenants.EnableModulesAsync(name, enable, ct);
        }

        if (disable.Count > 0)
        {
            result = await tenants.DisableModulesAsync(name, disable, ct);
        }

        if (preview.Enabling.Count + preview.Disabling.Count > 0)
        {
            await AuditAsync(TenantAuditActions.ModulesChanged, name,
                $"+[{string.Join(", ", preview.Enabling)}] -[{string.Join(", ", preview.Disabling)}]", ct);
        }

        return result;
    }

    public async Task<TenantSettings> SetModuleSettingsAsync(string name, string moduleId, JsonElement value, CancellationToken ct)
    {
        var tenant = await GetAsync(name, ct);
        var module = modules.Find(moduleId) ?? throw new SportelloValidationException("module", $"Modulo sconosciuto: {moduleId}.");
        if (!tenant.EnabledModules.Contains(moduleId))
        {
            throw new SportelloValidationException("module", $"Il modulo '{moduleId}' non è attivo per il tenant '{name}'.");
        }

        if (ModuleSettingsJson.TryNormalize(module, value, out var normalized) is { } problem)
        {
            throw new SportelloValidationException("settings" + problem.Path.TrimStart('$'), problem.Message);
        }

        var saved = await tenants.UpdateAsync(name, s => s with
        {
            ModuleSettings = new Dictionary<string, JsonElement>(s.ModuleSettings, StringComparer.Ordinal) { [moduleId] = normalized },
        }, ct);
        await AuditAsync(TenantAuditActions.SettingsChanged, name, moduleId, ct);
        return saved;
    }

    public async Task<TenantSettings> SetLimitsAsync(string name, IReadOnlyDictionary<string, long?> values, CancellationToken ct)
    {
        await GetAsync(name, ct);
        var problems = PlanLimitRules.Check(values, modules, "limits").ToList();
        if (problems.Count > 0)
        {
            throw new SportelloValidationException(problems);
        }

        var saved = await tenants.UpdateAsync(name, s => s with { Limits = PlanLimitRules.Apply(s.Limits, values) }, ct);
        await AuditAsync(TenantAuditActions.LimitsChanged, name, string.Join(", ", values.Select(v => $"{v.Key}={v.Value?.ToString() ?? "∞"}")), ct);
        return saved;
    }

    public async Task<TenantSettings> SuspendAsync(string name, CancellationToken ct)
    {
        var tenant = await GetAsync(name, ct);
        if (tenant.IsDefault)
        {
            throw new SportelloValidationException("name", "Il tenant della piattaforma non può essere sospeso.");
        }

        if (tenant.State == TenantState.Disabled)
        {
            return tenant;
        }

        if (tenant.State != TenantState.Running)
        {
            throw new SportelloValidationException("state", $"Il tenant '{name}' è ancora in preparazione.");
        }

        var saved = await tenants.SetStateAsync(name, TenantState.Disabled, ct);
        await AuditAsync(TenantAuditActions.Suspended, name, null, ct);
        return saved;
    }

    public async Task<TenantSettings> ResumeAsync(string name, CancellationToken ct)
    {
        var tenant = await GetAsync(name, ct);
        if (tenant.State == TenantState.Running)
        {
            return tenant;
        }

        if (tenant.State != TenantState.Disabled)
        {
            throw new SportelloValidationException("state", $"Il tenant '{name}' è ancora in preparazione.");
        }

        var saved = await tenants.SetStateAsync(name, TenantState.Running, ct);
        await AuditAsync(TenantAuditActions.Resumed, name, null, ct);
        return saved;
    }

    /// <summary>Returns what of the store was left behind, if anything, for the operator to delete by hand.</summary>
    public async Task<string?> RemoveAsync(string name, string? confirmation, CancellationToken ct)
    {
        var (removed, leftBehind) = await tenants.RemoveAsync(name, confirmation, ct);
        var store = $"{removed.Store.Provider} {removed.Store.Schema ?? removed.Store.Location}";
        await AuditAsync(TenantAuditActions.Removed, name, leftBehind is null ? store : $"{store}; {leftBehind}", ct);
        return leftBehind;
    }

    /// <param name="withPeople">Users (as invitations) and customers' organizations too; audited as such.</param>
    public async Task<JsonObject> ExportAsync(string name, bool withPeople, CancellationToken ct)
    {
        var tenant = registry.Find(name) ?? throw new TenantNotFoundException(name);
        var recipe = await ExportInTenantScopeAsync(tenant, new TenantExport(withPeople), ct);
        await AuditAsync(TenantAuditActions.Exported, name, withPeople ? "with users and organizations" : null, ct);
        return recipe;
    }

    // Its own async method: the tenant set here (an AsyncLocal underneath) does not flow back into the caller's request.
    private async Task<JsonObject> ExportInTenantScopeAsync(Tenant tenant, TenantExport export, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        return await scope.ServiceProvider.GetRequiredService<TenantRecipeExporter>().ExportAsync(export, ct);
    }

    private Task AuditAsync(string action, string tenant, string? detail, CancellationToken ct) =>
        audit.RecordAsync(TenantAuditActions.Record(action, tenant, detail), ct);
}
