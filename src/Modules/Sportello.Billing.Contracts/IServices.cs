using Sportello.Core.Modules;

namespace Sportello.Billing;

/// <summary>
/// The services organizations bought, for the modules that fulfil them: a module answers <see cref="OrderPaid"/> by
/// making each line's service work and reporting back, so customers and operators see where it is.
/// </summary>
[ModuleContract("billing")]
public interface IServices
{
    /// <summary>
    /// The module made the service work: to activate becomes active. Repeating it changes nothing, so a handler that
    /// sees the same message twice may call it twice. <paramref name="reference"/> is the module's own id for what it
    /// made (a mailbox address, an identity's code), shown beside the service.
    /// </summary>
    Task MarkActiveAsync(Guid serviceId, string? reference = null, CancellationToken ct = default);

    /// <summary>
    /// The module could not make it work: the service stays to activate with <paramref name="reason"/>, which
    /// operators see on the order and the service; a later <see cref="MarkActiveAsync"/> clears it.
    /// </summary>
    Task MarkFailedAsync(Guid serviceId, string reason, CancellationToken ct = default);

    Task<ServiceView?> FindAsync(Guid serviceId, CancellationToken ct = default);

    /// <summary>The organization's services, soonest expiry first; <paramref name="productType"/> narrows to one product type.</summary>
    Task<IReadOnlyList<ServiceView>> OfAsync(Guid organizationId, string? productType = null, CancellationToken ct = default);
}

/// <summary>A service as modules and pages read it.</summary>
/// <param name="Expires">The end of the paid period; null for services that do not expire.</param>
/// <param name="Term">What a renewal extends it by: the term first bought.</param>
/// <param name="Failure">Why the module could not activate it, until it does.</param>
public sealed record ServiceView(
    Guid Id,
    Guid OrganizationId,
    string Product,
    string ProductType,
    string Description,
    ServiceStatus Status,
    DateOnly Starts,
    DateOnly? Expires,
    Term Term,
    bool AutoRenew,
    Guid OrderId,
    IReadOnlyList<Guid> RenewalOrderIds,
    string? Reference,
    string? Failure);
