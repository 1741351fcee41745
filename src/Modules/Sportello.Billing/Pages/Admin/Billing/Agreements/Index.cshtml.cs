using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using Sportello.Core.Security;
using Sportello.Core.Validation;
using Sportello.Organizations;

namespace Sportello.Billing.Pages.Admin.Billing.Agreements;

/// <summary>
/// Agreements ("convenzioni"): each with its own prices per product and term and the organizations attached to it,
/// who order at those prices (an organization is in one agreement at a time).
/// </summary>
[RequirePermission(BillingPermissions.Catalog)]
public sealed class IndexModel(BillingDbContext db, CatalogEditor editor, IOrganizationDirectory organizations, Domain.Catalog catalog) : PageModel
{
    public sealed record Row(Agreement Agreement, IReadOnlyList<(Guid Id, string Name)> Members, IReadOnlyList<(string Product, string Term, decimal Amount)> Prices);

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Product { get; set; }
    [BindProperty] public Dictionary<string, string?> Prices { get; set; } = [];
    [BindProperty] public string? Organization { get; set; }

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public IReadOnlyList<Product> Products { get; private set; } = [];
    public Sportello.Core.Finance.Currency Currency => catalog.Currency;
    public FieldErrors Errors { get; } = new();
    public Guid? FailedAgreement { get; private set; }
    public string? Message { get; private set; }

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        await LoadAsync(ct);
        Message = done is null ? null : "saved";
    }

    public Task<IActionResult> OnPostCreateAsync(CancellationToken ct) => ChangeAsync(null, () => editor.SaveAgreementAsync(Code?.Trim(), Name, ct), ct);

    public Task<IActionResult> OnPostPricesAsync(Guid agreementId, CancellationToken ct) => ChangeAsync(agreementId, async () =>
    {
        var prices = new Dictionary<string, decimal>();
        foreach (var (term, typed) in Prices.Where(p => !string.IsNullOrWhiteSpace(p.Value)))
        {
            prices[term] = decimal.TryParse(typed!.Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var amount)
                ? amount
                : throw new SportelloValidationException($"prices.{term}", BillingText.Of("Un prezzo come 120 o 99,90.", "A price such as 120 or 99.90."));
        }

        await editor.SetAgreementPricesAsync(agreementId, Product ?? string.Empty, prices, ct);
    }, ct);

    public Task<IActionResult> OnPostAttachAsync(Guid agreementId, CancellationToken ct) => ChangeAsync(agreementId, async () =>
    {
        var found = string.IsNullOrWhiteSpace(Organization) ? [] : await organizations.NamedAsync(Organization.Trim(), ct);
        if (found.Count != 1)
        {
            throw new SportelloValidationException("organization", found.Count == 0
                ? BillingText.Of("Nessuna organizzazione con esattamente questa ragione sociale.", "No organization with exactly this legal name.")
                : BillingText.Of("Più organizzazioni hanno questa ragione sociale: aggancia dalla scheda dell'organizzazione.", "Several organizations have this legal name."));
        }

        await editor.AttachAsync(agreementId, found[0].Id, ct);
    }, ct);

    public Task<IActionResult> OnPostDetachAsync(Guid agreementId, Guid organizationId, CancellationToken ct) =>
        ChangeAsync(agreementId, () => editor.DetachAsync(agreementId, organizationId, ct), ct);

    private async Task<IActionResult> ChangeAsync(Guid? agreementId, Func<Task> change, CancellationToken ct)
    {
        if (agreementId is { } id && !await db.Agreements.AnyAsync(a => a.Id == id, ct))
        {
            return NotFound();
        }

        try
        {
            await change();
            return RedirectToPage(new { done = "saved" });
        }
        catch (SportelloValidationException refused)
        {
            FailedAgreement = agreementId;
            foreach (var problem in refused.Problems)
            {
                Errors.Add(problem.Field.StartsWith("prices.", StringComparison.Ordinal) ? $"Prices[{problem.Field[7..]}]" : char.ToUpperInvariant(problem.Field[0]) + problem.Field[1..], problem.Message);
            }
        }

        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Products = await db.Products.AsNoTracking().Where(p => p.Active).OrderBy(p => p.Position).ToListAsync(ct);
        var agreements = await db.Agreements.AsNoTracking().OrderBy(a => a.Name).ToListAsync(ct);
        var members = await db.AgreementMembers.AsNoTracking().ToListAsync(ct);
        var prices = await (from p in db.Prices.AsNoTracking()
                            join product in db.Products on p.ProductId equals product.Id
                            where p.AgreementId != null
                            select new { p.AgreementId, product.Name, p.Term, p.Amount }).ToListAsync(ct);
        var rows = new List<Row>();
        foreach (var agreement in agreements)
        {
            var names = new List<(Guid, string)>();
            foreach (var member in members.Where(m => m.AgreementId == agreement.Id))
            {
                names.Add((member.OrganizationId, (await organizations.FindAsync(member.OrganizationId, ct))?.LegalName ?? member.OrganizationId.ToString()));
            }

            rows.Add(new Row(agreement, names.OrderBy(n => n.Item2).ToList(),
                prices.Where(p => p.AgreementId == agreement.Id).Select(p => (p.Name, p.Term, p.Amount)).ToList()));
        }

        Rows = rows;
    }
}
