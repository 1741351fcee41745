namespace Sportello.Core.Modules;

/// <summary>
/// Marks a service of a module's contract with the module that implements it, so another module can use it as an
/// optional integration: <c>Integration&lt;T&gt;</c> hands it out only where that module is enabled for the tenant.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class ModuleContractAttribute(string moduleId) : Attribute
{
    public string ModuleId { get; } = moduleId;
}
