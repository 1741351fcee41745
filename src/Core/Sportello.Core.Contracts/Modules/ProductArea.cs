using Sportello.Core.Text;

namespace Sportello.Core.Modules;

/// <summary>
/// A part of the customer area a module sells or runs (PEC mailboxes, SMS aliases, invoices), with what an
/// organization's collaborator can be allowed to do there. Organizations grants the rights, partners' limited access
/// and support access name the areas; the module checks them through <c>Sportello.Organizations.Contracts</c>.
/// </summary>
/// <param name="Key">Stable, lower-case: <c>pec</c>, <c>billing</c>.</param>
public sealed record ProductArea(string Key, LocalizedText Name, IReadOnlyList<ProductRight> Rights);

/// <summary>One thing a collaborator may be allowed to do in a <see cref="ProductArea"/>.</summary>
/// <param name="Key">Stable, prefixed by the area: <c>pec.manage</c>, <c>billing.pay</c>.</param>
public sealed record ProductRight(string Key, LocalizedText Name);
