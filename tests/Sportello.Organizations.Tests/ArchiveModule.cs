using Sportello.Core.Modules;

namespace Sportello.Organizations.Tests;

/// <summary>A product module of the tests: one area with two rights, as PEC or SMS will declare theirs.</summary>
public sealed class ArchiveModule : Module
{
    public const string Read = "archive.read";
    public const string Manage = "archive.manage";

    public override string Id => "archive";
    public override string Name => "Archivio";
    public override IReadOnlyList<string> Dependencies => ["organizations"];

    public override IEnumerable<ProductArea> ProductAreas =>
        [new("archive", new("Archivio documenti", "Document archive"), [new(Read, new("Vedere i documenti", "See documents")), new(Manage, new("Gestire i documenti", "Manage documents"))])];
}
