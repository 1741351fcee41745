using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using Sportello.Billing.Providers.PayPal;

namespace Sportello.Billing.Pages.Area.Orders;

/// <summary>
/// Where PayPal sends the customer back after approving (<c>?token=</c> is PayPal's order): the money is captured
/// now, once (the capture's request id is the attempt's), and the customer lands on the order. If PayPal does not
/// answer, the notification of the approval or the reconciliation captures it later.
/// </summary>
public sealed class PayPalModel(BillingDbContext db, PayPalGateway paypal, Checkouts checkouts, ILogger<PayPalModel> logger) : BillingAreaPage
{
    public async Task<IActionResult> OnGetAsync(Guid orderId, string? token, CancellationToken ct)
    {
        if (!await LoadMembershipAsync(ct))
        {
            return NotFound();
        }

        var organizationId = Membership!.OrganizationId;
        var attempt = string.IsNullOrEmpty(token) ? null : await db.Attempts.AsNoTracking().FirstOrDefaultAsync(a =>
            a.OrderId == orderId && a.OrganizationId == organizationId && a.Provider == PaymentProvider.PayPal && a.ProviderReference == token, ct);
        if (attempt is null)
        {
            return NotFound();
        }

        var done = "returned";
        // Only one who may pay takes the money; anyone else's return is left to PayPal's notification.
        if (attempt.IsLive && MayPay)
        {
            try
            {
                var state = await paypal.CaptureAsync(attempt, ct);
                await checkouts.ConfirmAsync(attempt, state, "return", ct);
                done = state is CheckoutState.Paid ? "paid" : state is CheckoutState.Failed ? "refused" : done;
            }
            catch (Exception e) when (e is ProviderUnavailableException or ProviderRefusedException)
            {
                logger.LogWarning(e, "PayPal capture for order {Order} postponed", attempt.OrderNumber);
            }
        }

        return RedirectToPage("/Area/Orders/Details", new { orderId, done });
    }
}
