namespace Sportello.Core.Modules;

/// <summary>A link in the customer area's menu (<c>/area</c>), shown when the module is enabled and the user holds the permission.</summary>
public sealed record CustomerMenuEntry(string Title, string Path, string? Permission = null, int Order = 0);

/// <summary>
/// A card on the customer area's dashboard ("Servizi in scadenza"): a view component of the module, shown when the
/// module is enabled and the user holds the permission.
/// </summary>
public sealed record CustomerCard(string Title, Type ViewComponent, string? Permission = null, int Order = 0);
