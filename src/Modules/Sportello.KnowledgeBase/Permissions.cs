using Sportello.Core.Modules;

namespace Sportello.KnowledgeBase;

/// <summary>What the help centre lets a role do; reading guides needs nothing.</summary>
public static class KnowledgeBasePermissions
{
    public const string Manage = "kb.manage";

    public static IReadOnlyList<Permission> All { get; } =
        [new(Manage, "Gestire le guide", "Scrivere, pubblicare e archiviare le guide del centro assistenza.")];
}
