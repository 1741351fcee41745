using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Sportello.Core.Hosting;
using Sportello.Core.Recipes;
using Sportello.Core.Security;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.Tenants.Domain;

namespace Sportello.Tenants.Pages.Admin.Tenants;

/// <summary>Creates a tenant from a recipe of the folder or an uploaded one, with the operator's choices over it.</summary>
[RequirePermission(TenantsPermissions.Manage)]
public sealed class NewModel(RecipeFiles recipes, TenantProvisioning provisioning, IOptions<SportelloOptions> options) : PageModel
{
    public IReadOnlyList<RecipeInfo> Recipes { get; private set; } = [];
    public IReadOnlyList<string> Servers => options.Value.Postgres.Servers.Keys.Order(StringComparer.Ordinal).ToList();
    public IReadOnlyList<string> Cultures => ["it-IT", "en-GB", "it-CH", "en-US"];
    public IReadOnlyList<ValidationProblem> Problems { get; private set; } = [];

    [BindProperty] public string? Recipe { get; set; } = "reseller.recipe.json";
    [BindProperty] public IFormFile? RecipeUpload { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Hosts { get; set; }
    [BindProperty] public string? Prefix { get; set; }
    [BindProperty] public StoreProvider StoreProvider { get; set; } = StoreProvider.Sqlite;
    [BindProperty] public string? StoreServer { get; set; }
    [BindProperty] public string? StoreSchema { get; set; }
    [BindProperty] public string Culture { get; set; } = "it-IT";
    [BindProperty] public string Currency { get; set; } = "EUR";
    [BindProperty] public string? DisplayName { get; set; }
    [BindProperty] public string? PrimaryColor { get; set; }
    [BindProperty] public string? AccentColor { get; set; }
    [BindProperty] public string? SupportEmail { get; set; }
    [BindProperty] public string? CustomerPhone { get; set; }
    [BindProperty] public string? AdminEmail { get; set; }
    [BindProperty] public string? AdminName { get; set; }

    public void OnGet()
    {
        Recipes = recipes.List();
        StoreProvider = options.Value.DefaultStore.Provider;
        StoreServer = options.Value.DefaultStore.Server;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Recipes = recipes.List();
        string? uploaded = null;
        if (RecipeUpload is { Length: > 0 })
        {
            if (RecipeUpload.Length > 1_000_000)
            {
                Problems = [new("recipeUpload", "Il file di ricetta può pesare al massimo 1 MB.")];
                return Page();
            }

            using var reader = new StreamReader(RecipeUpload.OpenReadStream());
            uploaded = await reader.ReadToEndAsync(ct);
        }

        var request = new CreateTenantRequest
        {
            Name = Name,
            Recipe = uploaded is null ? Recipe : null,
            RecipeJson = uploaded,
            Hosts = (Hosts ?? string.Empty).Split(['\n', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Prefix = Prefix,
            Store = new StoreRequest(StoreProvider, StoreServer, StoreSchema),
            Culture = Culture,
            Currency = Currency,
            Branding = new BrandingRequest
            {
                DisplayName = DisplayName,
                PrimaryColor = PrimaryColor,
                AccentColor = AccentColor,
                SupportEmail = SupportEmail,
                CustomerPhone = CustomerPhone,
            },
            Admin = string.IsNullOrWhiteSpace(AdminEmail) ? null : new AdminRequest(AdminEmail, AdminName),
        };

        try
        {
            var result = await provisioning.CreateAsync(request, ct);
            TempData["Message"] = result.Message;
            return Redirect(Url.Content("~/admin/tenants/" + result.Tenant.Name));
        }
        catch (SportelloValidationException ex)
        {
            Problems = ex.Problems;
        }
        catch (RecipeException ex)
        {
            Problems = ex.Problems.Select(p => new ValidationProblem(p.StepIndex is { } i ? $"passo {i + 1}" : "ricetta", $"{p.Path}: {p.Message}")).ToList();
        }

        return Page();
    }
}
