namespace Sportello.Core.Tests.TestModules.Broken;

/// <summary>Its second migration fails, to show a failed migration keeps the earlier version and says which one failed.</summary>
public sealed class BrokenModule : Sportello.Core.Modules.Module
{
    public override string Id => "broken";
    public override string Name => "Broken";
}
