using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Core.Audit;
using Sportello.Core.Finance;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;
using Sportello.Organizations;

namespace Sportello.Billing.Domain;

/// <summary>
/// Places orders: checks every line against the catalog and the product's module, prices it (the agreement's price
/// when there is one, the partner discount, VAT per rate reconciled to the cent), numbers it and saves it pending
/// payment, all in one transaction.
/// </summary>
public sealed class Orders(
    BillingDbContext db,
    Catalog catalog,
    ProductTypes types,
    DocumentNumbers numbers,
    Documents documents,
    IOrganizationDirectory organizations,
    IPartnerTerms partners,
    IAuditLog audit,
    TenantContext tenant,
    TimeProvider clock) : IOrders
{
    public const int MaxQuantity = 999;

    public BillingSettings Settings => tenant.GetModuleSettings<BillingSettings>(BillingModule.ModuleId);

    public async Task<PlacedOrder> PlaceAsync(NewOrder order, CancellationToken ct = default)
    {
        var culture = CultureInfo.CurrentUICulture;
        var organization = await organizations.FindAsync(order.OrganizationId, ct)
            ?? throw new SportelloValidationException("organizationId", BillingText.Of("Organizzazione sconosciuta.", "Unknown organization."));
        if (order.Lines.Count == 0)
        {
            throw new SportelloValidationException("lines", BillingText.Of("Un ordine ha almeno una riga.", "An order has at least one line."));
        }

        if (EInvoiceRequirements.Missing(Settings.Profile, organization) is { Count: > 0 } missing)
        {
            throw new SportelloValidationException(missing);
        }

        var agreement = await AgreementAsync(order, ct);
        var terms = await partners.OfAsync(order.OrganizationId, ct);
        var cashbackPartner = terms is { CashbackPercent: > 0 } ? terms : (await partners.ManagersOfAsync(order.OrganizationId, ct)).FirstOrDefault(p => p.CashbackPercent > 0);
        var discount = terms?.DiscountPercent ?? 0m;
        var currency = catalog.Currency;
        var problems = new List<ValidationProblem>();
        var drafts = new List<(NewOrderLine Line, Product Product, decimal Unit, bool AgreementPrice)>();
        for (var i = 0; i < order.Lines.Count; i++)
        {
            var line = order.Lines[i];
            var draft = await CheckAsync(order, line, $"lines[{i}]", agreement?.Id, problems, culture, ct);
            if (draft is { } ok)
            {
                drafts.Add((line, ok.Product, ok.Unit, ok.AgreementPrice));
            }
        }

        if (problems.Count > 0)
        {
            throw new SportelloValidationException(problems);
        }

        var priced = PriceTotals.Of(
            drafts.Select(d => new PriceLine(d.Product.Name, d.Line.Quantity, new Money(Discounted(d.Unit, discount), currency), new VatRate(d.Product.VatPercent))).ToList(),
            currency);
        return await SaveAsync(order, organization, agreement, discount, cashbackPartner, drafts, priced, ct);
    }

    public async Task<OrderView?> FindAsync(Guid orderId, CancellationToken ct = default)
    {
        var order = await db.Orders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.Id == orderId, ct);
        return order is null ? null : OrderViews.Of(order);
    }

    public async Task<IReadOnlyList<OrderView>> OfAsync(Guid organizationId, CancellationToken ct = default)
    {
        var orders = await db.Orders.AsNoTracking().Include(o => o.Lines).Where(o => o.OrganizationId == organizationId)
            .OrderByDescending(o => o.PlacedUtc).ToListAsync(ct);
        return orders.Select(OrderViews.Of).ToList();
    }

    private static decimal Discounted(decimal unit, decimal discount) => Money.RoundCents(unit * (100m - discount) / 100m);

    private async Task<Agreement?> AgreementAsync(NewOrder order, CancellationToken ct)
    {
        if (order.Agreement is null)
        {
            return null;
        }

        var agreement = await catalog.AgreementOfAsync(order.OrganizationId, ct);
        return agreement is not null && agreement.Code == order.Agreement
            ? agreement
            : throw new SportelloValidationException("agreement", BillingText.Of(
                $"L'organizzazione non aderisce alla convenzione «{order.Agreement}».",
                $"The organization is not part of the agreement '{order.Agreement}'."));
    }

    private async Task<(Product Product, decimal Unit, bool AgreementPrice)?> CheckAsync(
        NewOrder order, NewOrderLine line, string path, Guid? agreementId, List<ValidationProblem> problems, CultureInfo culture, CancellationToken ct)
    {
        var product = await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Code == line.Product && p.Active, ct);
        var type = types.Sold(product?.Type);
        if (product is null || type is null)
        {
            problems.Add(new($"{path}.product", BillingText.Of($"Il prodotto «{line.Product}» non è in vendita.", $"The product '{line.Product}' is not for sale.")));
            return null;
        }

        if (line.Quantity is < 1 or > MaxQuantity)
        {
            problems.Add(new($"{path}.quantity", BillingText.Of($"La quantità va da 1 a {MaxQuantity}.", $"The quantity goes from 1 to {MaxQuantity}.")));
        }

        var price = type.Allows(line.Term) ? await catalog.PriceAsync(product.Id, line.Term, agreementId, ct) : null;
        if (price is null)
        {
            problems.Add(new($"{path}.term", BillingText.Of(
                $"«{product.Name}» non si vende per la durata «{line.Term.Name.Italian.ToLowerInvariant()}».",
                $"'{product.Name}' is not sold for the term '{line.Term.Name.English.ToLowerInvariant()}'.")));
        }

        if (type.LineData is { } data)
        {
            problems.AddRange(data.Validate(line.Data, line.Quantity, culture).Select(p => p with { Field = $"{path}.data.{p.Field}" }));
        }

        if (line.RenewsServiceId is { } serviceId)
        {
            var service = await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId && s.OrganizationId == order.OrganizationId, ct);
            if (service is null || service.Product != product.Code || !type.Renews
                || service.Status is not (ServiceStatus.Active or ServiceStatus.Suspended) || service.Expires is null)
            {
                problems.Add(new($"{path}.renewsServiceId", BillingText.Of(
                    "Si rinnova solo un servizio attivo o sospeso dell'organizzazione, dello stesso prodotto, che abbia una scadenza.",
                    "Only an active or suspended service of the organization, of the same product and with an expiry, can be renewed.")));
            }
        }

        return price is { } p2 ? (product, p2.Amount, p2.AgreementPrice) : null;
    }

    private async Task<PlacedOrder> SaveAsync(
        NewOrder order, OrganizationProfile organization, Agreement? agreement, decimal discount, PartnerTerms? cashbackPartner,
        List<(NewOrderLine Line, Product Product, decimal Unit, bool AgreementPrice)> drafts, PriceTotals priced, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var number = await numbers.NextAsync(DocumentKinds.Order, now.Year, ct);
        var saved = new Order
        {
            Number = number.ToString(),
            Kind = order.Kind,
            Status = OrderStatus.PendingPayment,
            OrganizationId = organization.Id,
            OrganizationName = organization.LegalName,
            PlacedUtc = now,
            PlacedByUserId = order.PlacedByUserId,
            AgreementId = agreement?.Id,
            AgreementName = agreement?.Name,
            Currency = catalog.Currency.Code,
            Net = priced.Net.Amount,
            Vat = priced.Vat.Amount,
            Total = priced.Gross.Amount,
            Discount = discount,
            CashbackPartnerId = cashbackPartner?.PartnerId,
            DueUtc = now.AddDays(Settings.PendingDays),
            SplitPayment = EInvoiceRequirements.SplitsPayment(Settings.Profile, organization) && priced.Vat.Amount > 0,
        };
        for (var i = 0; i < drafts.Count; i++)
        {
            var (line, product, _, agreementPrice) = drafts[i];
            saved.Lines.Add(new OrderLine
            {
                OrderId = saved.Id,
                Position = i + 1,
                Product = product.Code,
                ProductType = product.Type,
                Description = product.Name,
                Term = line.Term.Code,
                Quantity = line.Quantity,
                UnitPrice = priced.Lines[i].Line.UnitPrice.Amount,
                Net = priced.Lines[i].Net.Amount,
                Vat = priced.Lines[i].Vat.Amount,
                VatPercent = product.VatPercent,
                VatNature = product.VatNature,
                AgreementPrice = agreementPrice,
                Data = line.Data,
                RenewsServiceId = line.RenewsServiceId,
                Cashback = cashbackPartner is null ? 0m : Money.RoundCents(priced.Lines[i].Net.Amount * cashbackPartner.CashbackPercent / 100m),
            });
        }

        db.Orders.Add(saved);
        audit.Add(db, OrderAudit.Of(saved, BillingAuditActions.OrderPlaced));
        await documents.IssueAsync(saved, DocumentKind.ProForma, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new PlacedOrder(saved.Id, saved.Number, new Money(saved.Total, catalog.Currency));
    }
}
