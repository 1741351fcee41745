namespace Sportello.Core.Templates;

/// <summary>Why a template was refused or could not be rendered, in Italian, with where it happened when known.</summary>
public sealed record LiquidProblem(string Message, int? Line = null, int? Column = null)
{
    public override string ToString() => Line is { } line ? $"Riga {line}, colonna {Column}: {Message}" : Message;
}
