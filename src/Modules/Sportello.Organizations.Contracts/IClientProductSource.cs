namespace Sportello.Organizations;

/// <summary>
/// A product module's list of what an organization holds in one of its areas (mailboxes, aliases, identities), for
/// the partner console: registered scoped by the module, asked only for areas the client lets the partner reach.
/// </summary>
public interface IClientProductSource
{
    /// <summary>The product area the products belong to.</summary>
    string Area { get; }

    Task<IReadOnlyList<ClientProduct>> ForAsync(Guid organizationId, CancellationToken ct = default);
}

/// <summary>One product of a client: what it is, its state in words, when it expires.</summary>
public sealed record ClientProduct(string Name, string State, DateOnly? Expires);
