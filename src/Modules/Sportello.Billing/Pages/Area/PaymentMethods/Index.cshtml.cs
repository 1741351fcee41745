using Microsoft.AspNetCore.Mvc;
using Sportello.Billing.Domain;

namespace Sportello.Billing.Pages.Area.PaymentMethods;

/// <summary>
/// The organization's saved cards and TWINT accounts: kept when a payment saves one, the default used for renewals,
/// made default or removed by a member who may pay (removing detaches it at the provider, so nothing charges it again).
/// </summary>
public sealed class IndexModel(SavedMethods saved) : BillingAreaPage
{
    public IReadOnlyList<SavedPaymentMethod> Methods { get; private set; } = [];

    public async Task OnGetAsync(string? done, CancellationToken ct)
    {
        if (await LoadMembershipAsync(ct))
        {
            await LoadAsync(ct);
            Message = done switch
            {
                "default" => L["Metodo predefinito cambiato."].Value,
                "removed" => L["Metodo di pagamento rimosso."].Value,
                _ => null,
            };
        }
    }

    public Task<IActionResult> OnPostDefaultAsync(Guid methodId, CancellationToken ct) => PayingAsync(async () =>
        await saved.MakeDefaultAsync(Membership!.OrganizationId, methodId, ct) ? RedirectToPage(new { done = "default" }) : NotFound(),
        () => LoadAsync(ct), ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid methodId, CancellationToken ct) => PayingAsync(async () =>
    {
        try
        {
            return await saved.RemoveAsync(Membership!.OrganizationId, methodId, ct) ? RedirectToPage(new { done = "removed" }) : NotFound();
        }
        catch (Exception e) when (e is ProviderUnavailableException or ProviderRefusedException)
        {
            Problem = L["Il gestore dei pagamenti non risponde: il metodo resta salvato. Riprova fra poco."];
            await LoadAsync(ct);
            return Page();
        }
    }, () => LoadAsync(ct), ct);

    private async Task LoadAsync(CancellationToken ct) => Methods = await saved.OfAsync(Membership!.OrganizationId, ct);
}
