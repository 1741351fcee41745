using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Modules;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;

namespace Sportello.Core.Recipes.Steps;

public sealed record ModulesStepModel
{
    public IReadOnlyList<string> Enable { get; init; } = [];
    public IReadOnlyList<string> Disable { get; init; } = [];
}

/// <summary>"modules": enables modules (with their dependencies) and disables others.</summary>
public sealed class ModulesStep(ModuleCatalog modules) : RecipeStep<ModulesStepModel>
{
    public override string Name => "modules";

    protected override IEnumerable<ValidationProblem> Validate(ModulesStepModel step, RecipePlan plan)
    {
        var problems = new List<ValidationProblem>();
        foreach (var (list, field) in new[] { (step.Enable, "enable"), (step.Disable, "disable") })
        {
            for (var i = 0; i < list.Count; i++)
            {
                var module = modules.Find(list[i]);
                if (module is null)
                {
                    problems.Add(new($"$.{field}[{i}]", $"Il modulo '{list[i]}' non esiste. Moduli disponibili: {string.Join(", ", modules.Ordered.Select(m => m.Id))}."));
                }
                else if (field == "enable" && !plan.IsDefaultTenant && modules.Closure([module.Id]).FirstOrDefault(id => modules.Find(id)!.DefaultTenantOnly) is { } platformOnly)
                {
                    problems.Add(new($"$.{field}[{i}]", $"Il modulo '{platformOnly}' è riservato al tenant della piattaforma."));
                }
            }
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        var enabled = plan.EnabledModules.Union(modules.Closure(step.Enable)).ToList();
        var removing = step.Disable.ToHashSet(StringComparer.Ordinal);
        var remaining = enabled.Where(id => !removing.Contains(id)).ToList();
        for (var i = 0; i < step.Disable.Count; i++)
        {
            var dependents = modules.Dependents(step.Disable[i], remaining);
            if (dependents.Count > 0)
            {
                problems.Add(new($"$.disable[{i}]", $"Il modulo '{step.Disable[i]}' non può essere disattivato: è richiesto da {string.Join(", ", dependents.Select(d => $"'{d}'"))}."));
            }
        }

        return problems;
    }

    protected override void Plan(ModulesStepModel step, RecipePlan plan)
    {
        plan.EnabledModules.UnionWith(modules.Closure(step.Enable));
        plan.EnabledModules.ExceptWith(step.Disable);
    }

    protected override async Task ExecuteAsync(ModulesStepModel step, RecipeStepContext context, CancellationToken ct)
    {
        var tenants = context.Services.GetRequiredService<TenantService>();
        if (step.Enable.Count > 0)
        {
            await tenants.EnableModulesAsync(context.TenantName, step.Enable, ct);
        }

        if (step.Disable.Count > 0)
        {
            await tenants.DisableModulesAsync(context.TenantName, step.Disable, ct);
        }
    }
}
