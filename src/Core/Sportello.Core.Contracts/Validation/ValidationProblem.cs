namespace Sportello.Core.Validation;

/// <summary>One thing wrong with an input: which field, and why, in words a person can act on.</summary>
public sealed record ValidationProblem(string Field, string Message)
{
    public override string ToString() => $"{Field}: {Message}";
}
