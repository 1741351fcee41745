using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using Sportello.Core.Lifecycles;
using Sportello.Core.Security;
using Sportello.Core.Storage;
using Sportello.Core.Validation;

namespace Sportello.Billing.Pages.Admin.Billing.Orders;

/// <summary>
/// One order for the back office: lines, payments, the services it created; register a bank transfer (in parts if
/// so it came), cancel, hold for review and release, start a service that is activated by hand.
/// </summary>
[RequirePermission(BillingPermissions.View)]
public sealed class DetailsModel(
    BillingDbContext db, Payments payments, OrderActions actions, IServices services, IAuthorizationService authorization,
    IStringLocalizer<BillingStrings> L, TimeProvider clock) : PageModel
{
    [BindProperty] public string? Amount { get; set; }
    [BindProperty] public DateOnly? ReceivedOn { get; set; }
    [BindProperty] public string? Reference { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public Order Order { get; private set; } = null!;
    public IReadOnlyList<Payment> Paid { get; private set; } = [];
    public IReadOnlyList<BillingDocument> Issued { get; private set; } = [];
    public IReadOnlyList<PaymentAttempt> Attempts { get; private set; } = [];
    public IReadOnlyList<Service> Services { get; private set; } = [];
    public IReadOnlyList<OrderTrigger> Permitted { get; private set; } = [];
    public bool MayManage { get; private set; }
    public bool MayRegister { get; private set; }
    public FieldErrors Errors { get; } = new();
    public string? Message { get; private set; }
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid orderId, string? done, CancellationToken ct)
    {
        if (!await LoadAsync(orderId, ct))
        {
            return NotFound();
        }

        ReceivedOn = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Amount = Order.Outstanding.ToString("0.00", CultureInfo.InvariantCulture);
        Message = done switch
        {
            "registered" => L["Pagamento registrato."].Value,
            "cancel" => L["Ordine annullato."].Value,
            "hold" => L["Ordine sospeso per verifica."].Value,
            "release" => L["Ordine rilasciato: il cliente può pagarlo."].Value,
            "activated" => L["Servizio attivato."].Value,
            _ => null,
        };
        return Page();
    }

    public Task<IActionResult> OnPostRegisterAsync(Guid orderId, CancellationToken ct) => ChangeAsync(orderId, BillingPermissions.Payments, async () =>
    {
        decimal? amount = decimal.TryParse((Amount ?? string.Empty).Trim().Replace(',', '.'), NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;
        await payments.RegisterTransferAsync(orderId, amount, ReceivedOn, Reference, OperatorId, ct);
        return "registered";
    }, ct);

    public Task<IActionResult> OnPostCancelAsync(Guid orderId, CancellationToken ct) =>
        ChangeAsync(orderId, BillingPermissions.Orders, async () => { await actions.CancelAsync(orderId, Reason, ct); return "cancel"; }, ct);

    public Task<IActionResult> OnPostHoldAsync(Guid orderId, CancellationToken ct) =>
        ChangeAsync(orderId, BillingPermissions.Orders, async () => { await actions.HoldAsync(orderId, Reason, ct); return "hold"; }, ct);

    public Task<IActionResult> OnPostReleaseAsync(Guid orderId, CancellationToken ct) =>
        ChangeAsync(orderId, BillingPermissions.Orders, async () => { await actions.ReleaseAsync(orderId, ct); return "release"; }, ct);

    public Task<IActionResult> OnPostActivateAsync(Guid orderId, Guid serviceId, CancellationToken ct) => ChangeAsync(orderId, BillingPermissions.Orders, async () =>
    {
        if (!await db.Services.AnyAsync(s => s.Id == serviceId && s.OrderId == orderId, ct))
        {
            throw new KeyNotFoundException();
        }

        await services.MarkActiveAsync(serviceId, Reference?.Trim() is { Length: > 0 } reference ? reference : null, ct);
        return "activated";
    }, ct);

    private string OperatorId => User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;

    private async Task<IActionResult> ChangeAsync(Guid orderId, string permission, Func<Task<string>> change, CancellationToken ct)
    {
        if (!await LoadAsync(orderId, ct))
        {
            return NotFound();
        }

        if (!(await authorization.AuthorizeAsync(User, PermissionPolicyProvider.PolicyFor(permission))).Succeeded)
        {
            return Forbid();
        }

        try
        {
            var done = await change();
            return RedirectToPage(new { orderId, done });
        }
        catch (KeyNotFoundException)
        {
            return NotFound();
        }
        catch (LifecycleRefusedException refused)
        {
            Problem = refused.Reason.ToString();
        }
        catch (SportelloValidationException refused)
        {
            foreach (var problem in refused.Problems)
            {
                Errors.Add(char.ToUpperInvariant(problem.Field[0]) + problem.Field[1..], problem.Message);
            }
        }
        catch (Exception conflict) when (StoreConflicts.IsConflict(conflict))
        {
            Problem = L["Qualcun altro ha cambiato l'ordine nello stesso momento: ricarica la pagina e riprova."];
        }

        await LoadAsync(orderId, ct);
        return Page();
    }

    private async Task<bool> LoadAsync(Guid orderId, CancellationToken ct)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId, ct);
        if (order is null)
        {
            return false;
        }

        Order = order;
        Paid = await db.Payments.AsNoTracking().Where(p => p.OrderId == orderId).OrderBy(p => p.RecordedUtc).ToListAsync(ct);
        Issued = await db.Documents.AsNoTracking().Where(d => d.OrderId == orderId).OrderBy(d => d.Kind).ToListAsync(ct);
        Attempts = await db.Attempts.AsNoTracking().Where(a => a.OrderId == orderId).OrderBy(a => a.Sequence).ToListAsync(ct);
        Services = await db.Services.AsNoTracking().Where(s => s.OrderId == orderId).OrderBy(s => s.Description).ToListAsync(ct);
        Permitted = OrderLifecycle.Instance.Permitted(order.Status);
        MayManage = (await authorization.AuthorizeAsync(User, PermissionPolicyProvider.PolicyFor(BillingPermissions.Orders))).Succeeded;
        MayRegister = (await authorization.AuthorizeAsync(User, PermissionPolicyProvider.PolicyFor(BillingPermissions.Payments))).Succeeded;
        return true;
    }
}
