using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Core.Audit;
using Sportello.Core.Finance;
using Sportello.Core.Lifecycles;
using Sportello.Core.Validation;

namespace Sportello.Billing.Domain;

/// <summary>
/// Money for orders that Billing takes itself: from the prepaid balance (all of it, or as much as there is), and the
/// bank transfers an operator registers (in parts, if that is how they arrive). Each runs in one transaction.
/// </summary>
public sealed class Payments(BillingDbContext db, Settlement settlement, Balances balances, Catalog catalog, IAuditLog audit, TimeProvider clock)
{
    /// <summary>
    /// Pays what the balance covers of the order's outstanding amount; the rest, if any, stays to pay by another
    /// method. Returns what was taken. Refuses an order that is not pending and an empty balance.
    /// </summary>
    public Task<Money> PayFromBalanceAsync(Guid orderId, string userId, CancellationToken ct) => ConflictRetry.RunAsync(db, async () =>
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var order = await PendingAsync(orderId, ct);
        var balance = await balances.OfAsync(order.OrganizationId, ct);
        if (balance.Amount <= 0)
        {
            throw new SportelloValidationException("balance", BillingText.Of("Il credito prepagato è esaurito.", "The prepaid balance is empty."));
        }

        var amount = Math.Min(balance.Amount, order.Outstanding);
        var now = clock.GetUtcNow().UtcDateTime;
        await balances.AddAsync(new BalanceEntry
        {
            OrganizationId = order.OrganizationId, Kind = BalanceEntryKind.Payment, Amount = -amount, Currency = order.Currency,
            OccurredUtc = now, OrderId = order.Id, OrderNumber = order.Number, ByUserId = userId,
        }, ct);
        audit.Add(db, OrderAudit.Of(order, BillingAuditActions.PaidFromBalance, new Dictionary<string, object?> { ["amount"] = amount }));
        await settlement.ReceiveAsync(order, Payment(order, PaymentMethod.Balance, amount, DateOnly.FromDateTime(now), null, userId), ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new Money(amount, Currency.Parse(order.Currency));
    });

    /// <summary>
    /// Registers a bank transfer received for the order: the amount (not more than what is outstanding), the bank's
    /// value date (not in the future) and its reference (the same reference is never registered twice).
    /// </summary>
    public Task RegisterTransferAsync(Guid orderId, decimal? amount, DateOnly? receivedOn, string? reference, string byUserId, CancellationToken ct) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var order = await PendingAsync(orderId, ct);
            var problems = new List<ValidationProblem>();
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            if (amount is not { } value || value <= 0 || decimal.Round(value, 2) != value)
            {
                problems.Add(new("amount", BillingText.Of("Scrivi l'importo ricevuto, maggiore di zero, al centesimo.", "Enter the amount received, above zero, to the cent.")));
            }
            else if (value > order.Outstanding)
            {
                var outstanding = new Money(order.Outstanding, Currency.Parse(order.Currency));
                problems.Add(new("amount", BillingText.Of(
                    $"L'importo supera quanto resta da pagare ({outstanding.ToString(CultureInfo.GetCultureInfo("it-IT"))}).",
                    $"The amount is more than what is left to pay ({outstanding.ToString(CultureInfo.GetCultureInfo("en-GB"))}).")));
            }

            if (receivedOn is not { } day || day > today)
            {
                problems.Add(new("receivedOn", BillingText.Of("La data di valuta è obbligatoria e non può essere futura.", "The value date is required and cannot be in the future.")));
            }

            var bankReference = reference?.Trim();
            if (string.IsNullOrEmpty(bankReference) || bankReference.Length > 200)
            {
                problems.Add(new("reference", BillingText.Of("Scrivi il riferimento del bonifico (CRO o TRN), al massimo 200 caratteri.", "Enter the transfer's reference (CRO or TRN), at most 200 characters.")));
            }
            else if (await db.Payments.AnyAsync(p => p.Method == PaymentMethod.BankTransfer && p.Reference == bankReference, ct))
            {
                problems.Add(new("reference", BillingText.Of("Un bonifico con questo riferimento è già registrato.", "A transfer with this reference is already registered.")));
            }

            if (problems.Count > 0)
            {
                throw new SportelloValidationException(problems);
            }

            audit.Add(db, OrderAudit.Of(order, BillingAuditActions.PaymentRegistered, new Dictionary<string, object?> { ["amount"] = amount, ["reference"] = bankReference }));
            await settlement.ReceiveAsync(order, Payment(order, PaymentMethod.BankTransfer, amount!.Value, receivedOn!.Value, bankReference, byUserId), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return true;
        });

    /// <summary>
    /// Adds or takes money from a balance by hand, with the reason the customer reads; the balance may not go below zero.
    /// </summary>
    public Task AdjustBalanceAsync(Guid organizationId, decimal? amount, string? reason, string byUserId, CancellationToken ct) =>
        ConflictRetry.RunAsync(db, async () =>
        {
            var problems = new List<ValidationProblem>();
            if (amount is not { } value || value == 0 || decimal.Round(value, 2) != value || Math.Abs(value) > Balances.MaxTopUp)
            {
                problems.Add(new("amount", BillingText.Of("Scrivi un importo diverso da zero, al centesimo, al massimo 9.999,00 in più o in meno.", "Enter a non-zero amount, to the cent, at most 9,999.00 either way.")));
            }

            if (string.IsNullOrWhiteSpace(reason) || reason.Length > 1000)
            {
                problems.Add(new("reason", BillingText.Of("Il motivo è obbligatorio (il cliente lo legge fra i movimenti), al massimo 1000 caratteri.", "The reason is required (the customer reads it among the movements), at most 1000 characters.")));
            }

            if (problems.Count == 0 && (await balances.OfAsync(organizationId, ct)).Amount + amount!.Value < 0)
            {
                problems.Add(new("amount", BillingText.Of("Il credito non può diventare negativo.", "The balance cannot go below zero.")));
            }

            if (problems.Count > 0)
            {
                throw new SportelloValidationException(problems);
            }

            await balances.AddAsync(new BalanceEntry
            {
                OrganizationId = organizationId, Kind = BalanceEntryKind.Adjustment, Amount = amount!.Value, Currency = catalog.Currency.Code,
                OccurredUtc = clock.GetUtcNow().UtcDateTime, Reason = reason!.Trim(), ByUserId = byUserId,
            }, ct);
            audit.Add(db, AuditRecord.Of(BillingAuditActions.BalanceAdjusted, BillingAuditActions.BalanceSubject, organizationId.ToString()) with
            {
                OrganizationId = organizationId.ToString(),
                Details = new Dictionary<string, object?> { ["amount"] = amount, ["reason"] = reason.Trim() },
            });
            await db.SaveChangesAsync(ct);
            return true;
        });

    /// <summary>The order, tracked, when it can take money now; a refusal in words otherwise.</summary>
    private async Task<Order> PendingAsync(Guid orderId, CancellationToken ct)
    {
        var order = await db.Orders.Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId, ct) ?? throw new KeyNotFoundException();
        // Asking the lifecycle whether Pay is permitted gives the same words a refused Pay would.
        if (!OrderLifecycle.Instance.Permitted(order.Status).Contains(OrderTrigger.Pay))
        {
            OrderLifecycle.Instance.Next(order.Status, OrderTrigger.Pay);
        }

        return order;
    }

    private Payment Payment(Order order, PaymentMethod method, decimal amount, DateOnly receivedOn, string? reference, string? userId) => new()
    {
        OrderId = order.Id, OrganizationId = order.OrganizationId, Method = method, Amount = amount, Currency = order.Currency,
        ReceivedOn = receivedOn, RecordedUtc = clock.GetUtcNow().UtcDateTime, Reference = reference, ByUserId = userId,
    };
}
