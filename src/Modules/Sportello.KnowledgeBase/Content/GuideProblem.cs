namespace Sportello.KnowledgeBase.Content;

/// <summary>Why a guide's body cannot be shown, and on which line of the body.</summary>
public sealed record GuideProblem(int Line, string Message)
{
    public override string ToString() => $"Riga {Line}: {Message}";
}
