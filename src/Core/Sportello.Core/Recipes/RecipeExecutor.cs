using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sportello.Core.Modules;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Recipes;

/// <summary>
/// Runs a recipe in two passes: first every step is parsed and checked against what the steps before it will
/// have done (nothing changes if any problem is found), then each step runs in a fresh DI scope.
/// </summary>
public sealed class RecipeExecutor(
    IEnumerable<IRecipeStep> handlers,
    IServiceScopeFactory scopes,
    TenantCatalog catalog,
    TenantRegistry registry,
    TenantService tenants,
    ILogger<RecipeExecutor> logger)
{
    private readonly Dictionary<string, IRecipeStep> _handlers = handlers.ToDictionary(h => h.Name, StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="recipe"/>; <paramref name="tenantName"/> is required when it has no "tenant" step.
    /// <paramref name="variables"/> override the recipe's own variable defaults.
    /// </summary>
    public async Task<string> ExecuteAsync(
        RecipeDocument recipe,
        string? tenantName = null,
        CancellationToken ct = default,
        IReadOnlyDictionary<string, string>? variables = null)
    {
        var steps = await PrepareAsync(recipe, tenantName, variables, ct);
        var target = steps.TenantName;
        using var scope = logger.BeginScope("Recipe {Recipe} for tenant {Tenant}", recipe.Name, target);
        for (var i = 0; i < steps.Items.Count; i++)
        {
            var (handler, model) = steps.Items[i];
            await using var stepScope = scopes.CreateAsyncScope();
            if (registry.Find(target) is { } tenant)
            {
                stepScope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
            }

            logger.LogDebug("Recipe {Recipe} step {Index} ({Step})", recipe.Name, i, handler.Name);
            await handler.ExecuteAsync(model, new RecipeStepContext(stepScope.ServiceProvider, target, recipe), ct);
        }

        if (registry.Find(target) is { Settings.State: TenantState.Uninitialized })
        {
            await tenants.SetStateAsync(target, TenantState.Running, ct);
        }

        logger.LogInformation("Recipe {Recipe} applied to tenant {TenantName}", recipe.Name, target);
        return target;
    }

    private async Task<PreparedRecipe> PrepareAsync(
        RecipeDocument recipe, string? tenantName, IReadOnlyDictionary<string, string>? variables, CancellationToken ct)
    {
        var values = new Dictionary<string, string>(recipe.Variables, StringComparer.Ordinal);
        foreach (var (name, value) in variables ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        var plan = new RecipePlan(tenantName is null ? null : await catalog.FindAsync(tenantName, ct)) { BaseDirectory = recipe.BaseDirectory };
        plan.TenantName ??= tenantName;
        var problems = new List<RecipeProblem>();
        var items = new List<(IRecipeStep, object)>();

        for (var i = 0; i < recipe.Steps.Count; i++)
        {
            var element = recipe.Steps[i];
            var stepPath = $"$.steps[{i}]";
            if (element.ValueKind != JsonValueKind.Object)
            {
                problems.Add(new RecipeProblem(i, stepPath, "Ogni passo deve essere un oggetto JSON."));
                continue;
            }

            if (!element.TryGetProperty("step", out var nameElement) || nameElement.ValueKind != JsonValueKind.String)
            {
                problems.Add(new RecipeProblem(i, stepPath + ".step", "Manca il nome del passo (\"step\")."));
                continue;
            }

            var name = nameElement.GetString()!;
            if (!_handlers.TryGetValue(name, out var handler))
            {
                problems.Add(new RecipeProblem(i, stepPath + ".step",
                    $"Passo sconosciuto '{name}'. Passi disponibili: {string.Join(", ", _handlers.Keys.Order(StringComparer.Ordinal))}."));
                continue;
            }

            var node = JsonNode.Parse(element.GetRawText())!.AsObject();
            node.Remove("step");
            var unknown = RecipeVariables.Substitute(node, values);
            if (unknown.Count > 0)
            {
                problems.AddRange(unknown.Select(u => new RecipeProblem(i, Combine(stepPath, u.Path),
                    $"Variabile '{u.Name}' non definita: aggiungila a \"variables\" della ricetta o alla configurazione (Sportello:Recipes:Variables:{u.Name}).")));
                continue;
            }

            object? model;
            try
            {
                model = node.Deserialize(handler.ModelType, SportelloJson.Strict);
            }
            catch (JsonException ex)
            {
                problems.Add(new RecipeProblem(i, Combine(stepPath, ex.Path), JsonErrors.Describe(ex)));
                continue;
            }

            if (model is null)
            {
                problems.Add(new RecipeProblem(i, stepPath, "Il passo è vuoto."));
                continue;
            }

            if (handler.ModuleId is { } moduleId && !plan.EnabledModules.Contains(moduleId))
            {
                problems.Add(new RecipeProblem(i, stepPath + ".step",
                    $"Il passo '{name}' richiede il modulo '{moduleId}', che a questo punto non è attivo: attivalo in un passo \"modules\" precedente."));
                continue;
            }

            if (name != "tenant" && plan.TenantName is null)
            {
                problems.Add(new RecipeProblem(i, stepPath, "Nessun tenant: la ricetta deve iniziare con un passo \"tenant\" o essere applicata a un tenant esistente."));
                continue;
            }

            var stepProblems = handler.Validate(model, plan).ToList();
            problems.AddRange(stepProblems.Select(p => new RecipeProblem(i, Combine(stepPath, p.Field), p.Message)));
            if (stepProblems.Count == 0)
            {
                handler.Plan(model, plan);
                items.Add((handler, model));
            }
            else if (model is Steps.TenantStepModel refusedTenant)
            {
                // Check the later steps against the tenant it names, rather than also reporting "no tenant" for each.
                plan.TenantName ??= refusedTenant.Name;
            }
        }

        if (problems.Count == 0 && plan.TenantName is null)
        {
            problems.Add(new RecipeProblem(null, "$.steps", "La ricetta non indica a quale tenant applicarsi: aggiungi un passo \"tenant\"."));
        }

        if (problems.Count > 0)
        {
            throw new RecipeException(recipe.Name, problems);
        }

        return new PreparedRecipe(plan.TenantName!, items);
    }

    private static string Combine(string stepPath, string? relative) =>
        string.IsNullOrEmpty(relative) || relative == "$" ? stepPath : stepPath + relative.TrimStart('$');

    private sealed record PreparedRecipe(string TenantName, IReadOnlyList<(IRecipeStep Handler, object Model)> Items);
}
