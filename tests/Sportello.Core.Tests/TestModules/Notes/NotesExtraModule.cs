namespace Sportello.Core.Tests.TestModules.Notes;

/// <summary>Depends on notes, to exercise dependency closure and refusal.</summary>
public sealed class NotesExtraModule : Sportello.Core.Modules.Module
{
    public override string Id => "notes-extra";
    public override string Name => "Notes extra";
    public override IReadOnlyList<string> Dependencies => ["notes"];
}
