using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Sportello.Core.Hosting;
using Sportello.Core.Recipes;
using Sportello.Core.Security;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.Tenants.Domain;

namespace Sportello.Tenants.Pages.Admin.Tenants;

/// <summary>
/// Creates a tenant from a recipe of the folder, an uploaded recipe, or an uploaded .zip holding a recipe with its
/// folders, with the operator's choices over it. Every refusal is shown beside the field it concerns, in the
/// operator's words, never as a recipe path.
/// </summary>
[RequirePermission(TenantsPermissions.Manage)]
public sealed class NewModel(RecipeFiles recipes, TenantProvisioning provisioning, StorePaths paths, IOptions<SportelloOptions> options, IStringLocalizer<TenantsStrings> L) : PageModel
{
    public const long MaxUpload = 20_000_000;

    public IReadOnlyList<RecipeInfo> Recipes { get; private set; } = [];
    public IReadOnlyList<string> Servers => options.Value.Postgres.Servers.Keys.Order(StringComparer.Ordinal).ToList();
    public IReadOnlyList<string> Cultures => ["it-IT", "en-GB", "it-CH", "en-US"];
    public FieldErrors Errors { get; } = new();

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
        CheckFields();
        if (Errors.Count > 0)
        {
            return Page();
        }

        var unpackedFolder = RecipeUpload is { Length: > 0 } && RecipeUpload.FileName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)
            ? Path.Combine(paths.Uploads, Guid.NewGuid().ToString("N"))
            : null;
        try
        {
            var (json, unpacked) = await ReadUploadAsync(unpackedFolder, ct);
            if (Errors.Count > 0)
            {
                return Page();
            }

            var request = new CreateTenantRequest
            {
                Name = Name,
                Recipe = json is null && unpacked is null ? Recipe : null,
                RecipeJson = json,
                Hosts = (Hosts ?? string.Empty).Split(['\n', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Prefix = TenantNames.NormalizePrefix(Prefix),
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

            var result = await provisioning.CreateAsync(request, ct, unpacked);
            TempData["Message"] = result.Message;
            return Redirect(Url.Content("~/admin/tenants/" + result.Tenant.Name));
        }
        catch (SportelloValidationException ex)
        {
            foreach (var problem in ex.Problems)
            {
                Errors.Add(FormFields.Of(problem.Field), L[problem.Message]);
            }
        }
        catch (RecipeException ex)
        {
            foreach (var problem in ex.Problems)
            {
                var field = FormFields.Of(problem.Path);
                Errors.Add(field, field == nameof(Recipe)
                    ? L["La ricetta non si può usare: {0}", L[problem.Message]]
                    : L[problem.Message]);
            }
        }
        finally
        {
            if (unpackedFolder is not null && Directory.Exists(unpackedFolder))
            {
                Directory.Delete(unpackedFolder, recursive: true);
            }
        }

        return Page();
    }

    /// <summary>The uploaded recipe: its JSON, or for a .zip the recipe unpacked with its folders.</summary>
    private async Task<(string? Json, RecipeDocument? Unpacked)> ReadUploadAsync(string? unpackedFolder, CancellationToken ct)
    {
        if (RecipeUpload is not { Length: > 0 } upload)
        {
            return (null, null);
        }

        if (upload.Length > MaxUpload)
        {
            Errors.Add(nameof(RecipeUpload), L["Il file di ricetta può pesare al massimo {0} MB.", MaxUpload / 1_000_000]);
            return (null, null);
        }

        if (unpackedFolder is not null)
        {
            await using var stream = upload.OpenReadStream();
            var (recipe, problem) = RecipeArchive.Unpack(stream, unpackedFolder);
            if (problem is not null)
            {
                Errors.Add(nameof(RecipeUpload), L[problem]);
            }

            return (null, recipe);
        }

        using var reader = new StreamReader(upload.OpenReadStream());
        return (await reader.ReadToEndAsync(ct), null);
    }

    /// <summary>The fields the operator typed, checked here so each refusal reads in the operator's language.</summary>
    private void CheckFields()
    {
        if (!string.IsNullOrWhiteSpace(Name) && TenantNames.Check(Name.Trim()) is not null)
        {
            Errors.Add(nameof(Name), L["Il nome può avere da 2 a 63 caratteri tra lettere minuscole, cifre e trattini (esempio: rivenditore-nord)."]);
        }

        if (TenantNames.NormalizePrefix(Prefix) is { Length: > 0 } prefix && TenantNames.CheckPrefix(prefix) is not null)
        {
            Errors.Add(nameof(Prefix), L["Il prefisso può avere da 2 a 63 caratteri tra lettere minuscole, cifre e trattini; la barra iniziale è facoltativa (esempio: /prova)."]);
        }

        foreach (var host in (Hosts ?? string.Empty).Split(['\n', ',', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (TenantHosts.Check(TenantHosts.Normalize(host)) is not null)
            {
                Errors.Add(nameof(Hosts), L["«{0}» non è un nome host valido (esempi: clienti.esempio.it, *.esempio.it).", host]);
            }
        }

        if (!string.IsNullOrWhiteSpace(SupportEmail) && EmailAddress.Check(SupportEmail) is not null)
        {
            Errors.Add(nameof(SupportEmail), L["Scrivi un indirizzo e-mail valido (esempio: assistenza@rivenditore.it)."]);
        }

        if (!string.IsNullOrWhiteSpace(AdminEmail) && EmailAddress.Check(AdminEmail) is not null)
        {
            Errors.Add(nameof(AdminEmail), L["Scrivi un indirizzo e-mail valido (esempio: amministrazione@rivenditore.it)."]);
        }

        foreach (var (field, value) in new[] { (nameof(PrimaryColor), PrimaryColor), (nameof(AccentColor), AccentColor) })
        {
            if (!string.IsNullOrWhiteSpace(value) && !System.Text.RegularExpressions.Regex.IsMatch(value.Trim(), "^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"))
            {
                Errors.Add(field, L["Scrivi il colore in esadecimale (esempio: #0b5cad)."]);
            }
        }
    }
}
