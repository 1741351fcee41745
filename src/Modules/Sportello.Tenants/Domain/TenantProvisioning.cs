using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Sportello.Core;
using Sportello.Core.Recipes;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.Core.Audit;

namespace Sportello.Tenants.Domain;

/// <summary>
/// Creates a reseller tenant from a recipe with the operator's choices written over its "tenant" step, plus an
/// invitation for the first administrator. All or nothing: when any step fails the half-made tenant (catalog
/// entry, store, files) is removed again. Asking for a tenant that already exists changes nothing and says so.
/// </summary>
public sealed class TenantProvisioning(
    RecipeFiles recipes,
    RecipeExecutor executor,
    TenantCatalog catalog,
    TenantService tenants,
    HostLocks locks,
    IAuditLog audit,
    ILogger<TenantProvisioning> logger)
{
    /// <param name="unpacked">A recipe already read from an uploaded archive, with its own folder; otherwise the request names one.</param>
    public async Task<CreateTenantResult> CreateAsync(CreateTenantRequest request, CancellationToken ct = default, RecipeDocument? unpacked = null)
    {
        var recipe = unpacked ?? LoadRecipe(request);
        var name = string.IsNullOrWhiteSpace(request.Name) ? recipe.TenantName : request.Name.Trim();
        if (name is null)
        {
            throw new SportelloValidationException("name", "Indica il nome del tenant: la ricetta non ne propone uno.");
        }

        if (name == TenantNames.Default)
        {
            throw new SportelloValidationException("name", "Il tenant della piattaforma esiste già e non si crea da qui.");
        }

        if (TenantNames.Check(name) is { } nameError)
        {
            throw new SportelloValidationException("name", nameError);
        }

        // Two requests for the same name (a double click, two operators, two nodes) take turns: the second one
        // finds the tenant made, and the rollback of a failed one never touches a tenant another request is making.
        await using var turn = await locks.AcquireAsync("tenant-create:" + name, ct);
        if (await catalog.FindAsync(name, ct) is { } existing)
        {
            return new CreateTenantResult(false, existing, $"Il tenant '{name}' esiste già: nessuna modifica.");
        }

        var prepared = Prepare(recipe, name, request);
        try
        {
            await executor.ExecuteAsync(prepared, ct: ct);
        }
        catch (Exception ex) when (ex is not RecipeException and not SportelloValidationException)
        {
            logger.LogError(ex, "Creating tenant {TenantName} failed; rolling back", name);
            await tenants.DiscardUnfinishedAsync(name, CancellationToken.None);
            throw new SportelloValidationException("recipe",
                $"La creazione del tenant '{name}' non è riuscita e non ha lasciato nulla: {ex.Message}");
        }
        catch
        {
            // Refusals happen before anything is written, except a store the server refused: undo whatever there is.
            await tenants.DiscardUnfinishedAsync(name, CancellationToken.None);
            throw;
        }

        var created = (await catalog.FindAsync(name, ct))!;
        await audit.RecordAsync(TenantAuditActions.Record(TenantAuditActions.Created, name, recipe.Name), ct);
        return new CreateTenantResult(true, created, $"Tenant '{name}' creato dalla ricetta '{recipe.Name}'.");
    }

    private RecipeDocument LoadRecipe(CreateTenantRequest request)
    {
        var hasFile = !string.IsNullOrWhiteSpace(request.Recipe);
        var hasJson = !string.IsNullOrWhiteSpace(request.RecipeJson);
        if (hasFile == hasJson)
        {
            throw new SportelloValidationException("recipe", "Scegli una ricetta dell'elenco oppure carica un file di ricetta (uno dei due).");
        }

        return hasFile ? recipes.Load(request.Recipe!) : RecipeLoader.Parse(request.RecipeJson!, "ricetta caricata");
    }

    /// <summary>The recipe with the request's values written into its "tenant" step (added when missing) and the admin invitation appended.</summary>
    private static RecipeDocument Prepare(RecipeDocument recipe, string name, CreateTenantRequest request)
    {
        var steps = recipe.Steps.Select(s => JsonNode.Parse(s.GetRawText())!).ToList();
        var tenantStep = steps.OfType<JsonObject>().FirstOrDefault(s => s["step"]?.GetValueKind() == JsonValueKind.String && (string?)s["step"] == "tenant");
        if (tenantStep is null)
        {
            tenantStep = new JsonObject { ["step"] = "tenant" };
            steps.Insert(0, tenantStep);
        }

        tenantStep["name"] = name;
        var hosts = (request.Hosts ?? []).Select(h => h.Trim()).Where(h => h.Length > 0).ToList();
        var prefix = Blank(TenantNames.NormalizePrefix(request.Prefix));
        if (hosts.Count > 0 || prefix is not null)
        {
            // Addresses are the operator's choice as a whole: the recipe's are dropped, not mixed in.
            tenantStep.Remove("hosts");
            tenantStep.Remove("prefix");
            Set(tenantStep, "hosts", hosts.Count > 0 ? hosts : null);
            Set(tenantStep, "prefix", prefix);
        }

        Set(tenantStep, "culture", Blank(request.Culture));
        Set(tenantStep, "timeZone", Blank(request.TimeZone));
        Set(tenantStep, "currency", Blank(request.Currency));
        Set(tenantStep, "store", request.Store is { Provider: not null } store ? store with { Server = Blank(store.Server), Schema = Blank(store.Schema) } : null);
        if (request.Branding is { } branding)
        {
            // Over the recipe's branding: the operator's non-empty fields win.
            var merged = tenantStep["branding"] as JsonObject ?? new JsonObject();
            foreach (var (key, value) in JsonSerializer.SerializeToNode(branding, SportelloJson.Options)!.AsObject())
            {
                if (value is not null && !(value.GetValueKind() == JsonValueKind.String && string.IsNullOrWhiteSpace((string?)value)))
                {
                    merged[key] = value.DeepClone();
                }
            }

            tenantStep["branding"] = merged;
        }

        if (request.Admin is { } admin)
        {
            steps.Add(TenantRecipeExporter.Step("users", new JsonObject
            {
                ["users"] = new JsonArray(new JsonObject
                {
                    ["email"] = admin.Email.Trim(),
                    ["displayName"] = Blank(admin.DisplayName),
                    ["invite"] = true,
                    ["roles"] = new JsonArray("Administrator"),
                }),
            }));
        }

        return new RecipeDocument
        {
            Name = recipe.Name,
            DisplayName = recipe.DisplayName,
            Description = recipe.Description,
            Variables = recipe.Variables,
            BaseDirectory = recipe.BaseDirectory,
            Steps = steps.Select(s => JsonSerializer.SerializeToElement(s)).ToList(),
        };
    }

    private static void Set<T>(JsonObject step, string property, T? value)
    {
        if (value is not null)
        {
            step[property] = JsonSerializer.SerializeToNode(value, SportelloJson.Options);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
