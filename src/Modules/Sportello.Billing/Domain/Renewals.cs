namespace Sportello.Billing.Domain;

/// <summary>
/// "Rinnova": a renewal order for one service, for the term first bought, at the organization's prices now (its
/// agreement's, its partner discount), extending from the current expiry once paid.
/// </summary>
public sealed class Renewals(IServices services, IOrders orders, Catalog catalog)
{
    public async Task<PlacedOrder> PlaceAsync(Guid organizationId, Guid serviceId, string? userId, CancellationToken ct)
    {
        var service = await services.FindAsync(serviceId, ct);
        if (service is null || service.OrganizationId != organizationId)
        {
            throw new KeyNotFoundException();
        }

        var agreement = await catalog.AgreementOfAsync(organizationId, ct);
        return await orders.PlaceAsync(new NewOrder(organizationId, OrderKind.Renewal,
            [new NewOrderLine(service.Product, service.Term, RenewsServiceId: service.Id)], userId, agreement?.Code), ct);
    }
}
