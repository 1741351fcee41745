using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using Sportello.Billing.Recipes;
using Sportello.Core.Security;
using Sportello.Core.Validation;

namespace Sportello.Billing.Pages.Admin.Billing.Catalog;

/// <summary>
/// The tenant's products with their list prices per term, and a form that adds a product or changes one (its code
/// and type stay; withdrawing it keeps it on past orders).
/// </summary>
[RequirePermission(BillingPermissions.Catalog)]
public sealed class IndexModel(BillingDbContext db, CatalogEditor editor, ProductTypes types, Domain.Catalog catalog) : PageModel
{
    public static readonly IReadOnlyList<Term> AllTerms = [Term.Years(1), Term.Years(2), Term.Years(3), Term.Monthly, Term.OneOff];

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Type { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public string? VatPercent { get; set; } = "22";
    [BindProperty] public string? VatNature { get; set; }
    [BindProperty] public bool ManualActivation { get; set; }
    [BindProperty] public bool Active { get; set; } = true;

    /// <summary>Prices as typed, by term code; an empty field means the term is not sold.</summary>
    [BindProperty] public Dictionary<string, string?> Prices { get; set; } = [];

    public IReadOnlyList<Product> Products { get; private set; } = [];
    public ILookup<Guid, ProductPrice> ListPrices { get; private set; } = Enumerable.Empty<ProductPrice>().ToLookup(p => p.ProductId);
    public IReadOnlyList<ProductType> Types => types.All.Where(t => types.Sold(t.Code) is not null).ToList();
    public Sportello.Core.Finance.Currency Currency => catalog.Currency;
    public FieldErrors Errors { get; } = new();
    public string? Message { get; private set; }
    public bool Editing { get; private set; }

    public async Task OnGetAsync(string? edit, string? done, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Products.FirstOrDefault(p => p.Code == edit) is { } product)
        {
            Editing = true;
            (Code, Type, Name, Description, VatNature, ManualActivation, Active) = (product.Code, product.Type, product.Name, product.Description, product.VatNature, product.ManualActivation, product.Active);
            VatPercent = product.VatPercent.ToString("0.##", CultureInfo.InvariantCulture);
            Prices = ListPrices[product.Id].ToDictionary(p => p.Term, p => (string?)p.Amount.ToString("0.00", CultureInfo.InvariantCulture));
        }

        Message = done == "saved" ? "saved" : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var prices = new Dictionary<string, decimal>();
        foreach (var (term, typed) in Prices.Where(p => !string.IsNullOrWhiteSpace(p.Value)))
        {
            if (Number(typed) is { } amount)
            {
                prices[term] = amount;
            }
            else
            {
                Errors.Add($"Prices[{term}]", BillingText.Of("Un prezzo come 120 o 99,90.", "A price such as 120 or 99.90."));
            }
        }

        if (Number(VatPercent) is not { } vat)
        {
            Errors.Add(nameof(VatPercent), BillingText.Of("L'aliquota è un numero, per esempio 22 o 0.", "The rate is a number, such as 22 or 0."));
            vat = -1;
        }

        if (Errors.Count == 0)
        {
            try
            {
                var model = new ProductStepModel(Code?.Trim() ?? string.Empty, Type ?? string.Empty, Name ?? string.Empty, prices, Description, vat,
                    string.IsNullOrEmpty(VatNature) ? null : VatNature, ManualActivation, Active);
                await editor.SaveProductAsync(model, null, ct);
                return RedirectToPage(new { done = "saved" });
            }
            catch (SportelloValidationException refused)
            {
                foreach (var problem in refused.Problems)
                {
                    Errors.Add(FormField(problem.Field), problem.Message);
                }
            }
        }

        Editing = await db.Products.AnyAsync(p => p.Code == Code, ct);
        await LoadAsync(ct);
        return Page();
    }

    private static string FormField(string field) =>
        field.StartsWith("prices.", StringComparison.Ordinal) ? $"Prices[{field["prices.".Length..]}]" : char.ToUpperInvariant(field[0]) + field[1..];

    private static decimal? Number(string? typed) =>
        decimal.TryParse((typed ?? string.Empty).Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    private async Task LoadAsync(CancellationToken ct)
    {
        Products = await db.Products.AsNoTracking().OrderBy(p => p.Position).ThenBy(p => p.Name).ToListAsync(ct);
        ListPrices = (await db.Prices.AsNoTracking().Where(p => p.AgreementId == null).ToListAsync(ct)).ToLookup(p => p.ProductId);
    }
}
