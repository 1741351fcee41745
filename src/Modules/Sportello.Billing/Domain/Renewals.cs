using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Core.Validation;

namespace Sportello.Billing.Domain;

/// <summary>One service to renew, for a term the catalog prices for its product.</summary>
public sealed record RenewalChoice(Guid ServiceId, Term Term);

/// <summary>A service the customer may renew now, with the terms it may be renewed for (the one first bought first).</summary>
public sealed record Renewable(ServiceView Service, IReadOnlyList<Term> Terms, string? PendingOrderNumber);

/// <summary>
/// "Rinnova" and "Paga la selezione": one renewal order for one or several services of the organization, each for a
/// term the catalog prices for its product (several years ahead where priced), at the organization's prices now
/// (its agreement's, its partner discount), each extending from its current expiry once paid.
/// </summary>
public sealed class Renewals(BillingDbContext db, IServices services, IOrders orders, Catalog catalog)
{
    public async Task<PlacedOrder> PlaceAsync(Guid organizationId, Guid serviceId, string? userId, CancellationToken ct)
    {
        var service = await services.FindAsync(serviceId, ct);
        if (service is null || service.OrganizationId != organizationId)
        {
            throw new KeyNotFoundException();
        }

        return await PlaceAsync(organizationId, [new RenewalChoice(serviceId, service.Term)], userId, ct);
    }

    /// <summary>One order and, once paid, one invoice for the whole selection; a service waiting for another renewal's payment is refused by name.</summary>
    public async Task<PlacedOrder> PlaceAsync(Guid organizationId, IReadOnlyList<RenewalChoice> selection, string? userId, CancellationToken ct)
    {
        if (selection.Count == 0)
        {
            throw new SportelloValidationException("selection", BillingText.Of("Scegli almeno un servizio da rinnovare.", "Choose at least one service to renew."));
        }

        if (selection.GroupBy(c => c.ServiceId).Any(g => g.Count() > 1))
        {
            throw new SportelloValidationException("selection", BillingText.Of("Ogni servizio si sceglie una volta sola.", "Each service is chosen once."));
        }

        var renewable = (await RenewableAsync(organizationId, null, ct)).ToDictionary(r => r.Service.Id);
        var problems = new List<ValidationProblem>();
        foreach (var choice in selection)
        {
            if (!renewable.TryGetValue(choice.ServiceId, out var candidate))
            {
                // Another organization's service is as unknown as one that does not exist.
                throw new KeyNotFoundException();
            }

            if (!candidate.Terms.Contains(choice.Term))
            {
                problems.Add(new($"services[{choice.ServiceId}]", BillingText.Of(
                    $"«{candidate.Service.Description}» si rinnova per {string.Join(", ", candidate.Terms.Select(t => t.Name.Italian.ToLowerInvariant()))}.",
                    $"'{candidate.Service.Description}' renews for {string.Join(", ", candidate.Terms.Select(t => t.Name.English.ToLowerInvariant()))}.")));
            }
            else if (candidate.PendingOrderNumber is { } pending)
            {
                problems.Add(new($"services[{choice.ServiceId}]", BillingText.Of(
                    $"«{candidate.Service.Description}» ha già un rinnovo in attesa di pagamento: l'ordine {pending}.",
                    $"'{candidate.Service.Description}' already has a renewal waiting for payment: order {pending}.")));
            }
        }

        if (problems.Count > 0)
        {
            throw new SportelloValidationException(problems);
        }

        var agreement = await catalog.AgreementOfAsync(organizationId, ct);
        var lines = selection.Select(c => new NewOrderLine(renewable[c.ServiceId].Service.Product, c.Term, RenewsServiceId: c.ServiceId)).ToList();
        return await orders.PlaceAsync(new NewOrder(organizationId, OrderKind.Renewal, lines, userId, agreement?.Code), ct);
    }

    /// <summary>
    /// The organization's services that renew, active or suspended, expiring by <paramref name="until"/> (any expiry
    /// when null), soonest first, with their terms and any renewal already waiting for payment.
    /// </summary>
    public async Task<IReadOnlyList<Renewable>> RenewableAsync(Guid organizationId, DateOnly? until, CancellationToken ct)
    {
        var all = await services.OfAsync(organizationId, ct: ct);
        var candidates = all.Where(s => s.Status is ServiceStatus.Active or ServiceStatus.Suspended && s.Expires is { } e && (until is null || e <= until)).ToList();
        if (candidates.Count == 0)
        {
            return [];
        }

        var agreement = await catalog.AgreementOfAsync(organizationId, ct);
        var offer = (await catalog.OfferAsync(agreement?.Id, ct)).ToDictionary(o => o.Product.Code, StringComparer.Ordinal);
        var ids = candidates.Select(s => (Guid?)s.Id).ToList();
        var pending = await (from l in db.OrderLines
                             join o in db.Orders on l.OrderId equals o.Id
                             where ids.Contains(l.RenewsServiceId) && o.Status == OrderStatus.PendingPayment
                             select new { l.RenewsServiceId, o.Number }).AsNoTracking().ToListAsync(ct);
        return candidates
            .Where(s => offer.ContainsKey(s.Product))
            .Select(s => new Renewable(s, TermsFor(s, offer[s.Product].Prices), pending.FirstOrDefault(p => p.RenewsServiceId == s.Id)?.Number))
            .Where(r => r.Terms.Count > 0)
            .OrderBy(r => r.Service.Expires)
            .ToList();
    }

    // A yearly service renews for the year terms its product is priced for, the one first bought first; a monthly one by the month.
    private static List<Term> TermsFor(ServiceView service, IReadOnlyList<ProductPrice> prices)
    {
        var priced = prices.Select(p => Term.Find(p.Term)).OfType<Term>().Where(t => t.Unit == service.Term.Unit && t.Unit != TermUnit.OneOff).Distinct().ToList();
        return priced.OrderBy(t => t == service.Term ? 0 : 1).ThenBy(t => t.Count).ToList();
    }
}
