using Sportello.Billing.Data;
using Sportello.Core.Audit;
using Sportello.Core.Finance;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.Organizations;

namespace Sportello.Billing.Domain;

/// <summary>Top-ups of the prepaid balance: an order of 0.10 to 9,999.00 in the tenant's currency, paid like any other.</summary>
public sealed class TopUps(BillingDbContext db, Catalog catalog, DocumentNumbers numbers, Documents documents, IOrganizationDirectory organizations, IAuditLog audit, TenantContext tenant, TimeProvider clock)
{
    public async Task<PlacedOrder> PlaceAsync(Guid organizationId, Money amount, string? userId, CancellationToken ct)
    {
        if (amount.Currency != catalog.Currency)
        {
            throw new SportelloValidationException("currency", BillingText.Of(
                $"Il credito si ricarica in {catalog.Currency.Code}.", $"The balance is topped up in {catalog.Currency.Code}."));
        }

        if (amount.Amount < Balances.MinTopUp || amount.Amount > Balances.MaxTopUp || decimal.Round(amount.Amount, 2) != amount.Amount)
        {
            var (min, max) = (new Money(Balances.MinTopUp, amount.Currency), new Money(Balances.MaxTopUp, amount.Currency));
            throw new SportelloValidationException("amount", BillingText.Of(
                $"La ricarica va da {min.ToString(System.Globalization.CultureInfo.GetCultureInfo("it-IT"))} a {max.ToString(System.Globalization.CultureInfo.GetCultureInfo("it-IT"))}, al centesimo.",
                $"A top-up goes from {min.ToString(System.Globalization.CultureInfo.GetCultureInfo("en-GB"))} to {max.ToString(System.Globalization.CultureInfo.GetCultureInfo("en-GB"))}, to the cent."));
        }

        var organization = await organizations.FindAsync(organizationId, ct) ?? throw new KeyNotFoundException();
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await numbers.NextAsync(DocumentKinds.Order, now.Year, ct);
        var order = new Order
        {
            Number = number.ToString(), Kind = OrderKind.TopUp, Status = OrderStatus.PendingPayment, OrganizationId = organizationId,
            OrganizationName = organization.LegalName, PlacedUtc = now, PlacedByUserId = userId, Currency = amount.Currency.Code,
            Net = amount.Amount, Vat = 0m, Total = amount.Amount,
            DueUtc = now.AddDays(tenant.GetModuleSettings<BillingSettings>(BillingModule.ModuleId).PendingDays),
        };
        order.Lines.Add(new OrderLine
        {
            OrderId = order.Id, Position = 1, Product = TopUp.Product, ProductType = TopUp.ProductType,
            Description = "Ricarica del credito prepagato", Term = Term.OneOffCode, Quantity = 1,
            UnitPrice = amount.Amount, Net = amount.Amount, VatNature = TopUp.VatNature,
        });
        db.Orders.Add(order);
        audit.Add(db, OrderAudit.Of(order, BillingAuditActions.OrderPlaced));
        await documents.IssueAsync(order, DocumentKind.ProForma, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new PlacedOrder(order.Id, order.Number, amount);
    }
}
