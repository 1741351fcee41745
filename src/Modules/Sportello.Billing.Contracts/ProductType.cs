using Sportello.Core.Text;

namespace Sportello.Billing;

/// <summary>
/// A kind of thing a module sells through Billing (a SPID identity, an SMS credit pack, a PEC mailbox): registered by
/// the module as a singleton (<c>services.AddSingleton(new ProductType(...))</c>); the tenant's catalog prices it.
/// Billing never knows what the product is: it sells lines of a type and tells the module, by event, what was paid.
/// </summary>
/// <param name="Code">Stable, prefixed by the module's id: <c>spid.identity</c>, <c>pec.mailbox</c>; <c>billing.servizio</c> for the generic one.</param>
/// <param name="ModuleId">The module that fulfils it: its products are sold only where it is enabled.</param>
/// <param name="Yield">What one paid line creates: one service with an expiry, or a quantity (credits).</param>
/// <param name="Renews">Whether the service it creates can be renewed (a renewal order extends its expiry).</param>
/// <param name="Terms">The terms a catalog may price for it, in the order a form offers them.</param>
public sealed record ProductType(string Code, string ModuleId, LocalizedText Name, ProductYield Yield, bool Renews, IReadOnlyList<Term> Terms)
{
    /// <summary>
    /// Checks the data a customer gives for one line (the mailbox names of a PEC order); null when the product needs
    /// none. Billing refuses an order whose line data it rejects, naming the line and the field.
    /// </summary>
    public IProductLineData? LineData { get; init; }

    /// <summary>Whether the type may be priced for <paramref name="term"/>.</summary>
    public bool Allows(Term term) => Terms.Contains(term);
}

/// <summary>What a paid order line of a product type creates.</summary>
public enum ProductYield
{
    /// <summary>One service per line, owned by the organization, with its period and expiry; the line's quantity is how many units it covers (three mailboxes).</summary>
    Service,

    /// <summary>A quantity the module credits (SMS credits); nothing expires in Billing.</summary>
    Quantity,
}
