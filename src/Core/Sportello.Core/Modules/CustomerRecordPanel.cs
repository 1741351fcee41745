namespace Sportello.Core.Modules;

/// <summary>
/// A section of the back office's page of one customer record (an organization): a view component of the module,
/// invoked with the record's id (<c>organizationId</c>), shown when the module is enabled and the operator holds
/// the permission. What other modules do for that customer appears on its page without the page knowing them.
/// </summary>
public sealed record CustomerRecordPanel(Type ViewComponent, string Permission, int Order = 0);
