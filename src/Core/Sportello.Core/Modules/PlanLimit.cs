namespace Sportello.Core.Modules;

/// <summary>
/// A quantity a tenant's plan caps, declared by the module that counts it (for example "pec.mailboxes").
/// The platform sets a value per tenant; a tenant without one is not limited.
/// </summary>
public sealed record PlanLimit(string Key, string DisplayName, string Description = "");
