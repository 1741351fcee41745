namespace Sportello.Core.Validation;

/// <summary>Input refused before anything was changed.</summary>
public sealed class SportelloValidationException : Exception
{
    public SportelloValidationException(IReadOnlyList<ValidationProblem> problems)
        : base(string.Join("; ", problems))
    {
        Problems = problems;
    }

    public SportelloValidationException(string field, string message)
        : this([new ValidationProblem(field, message)])
    {
    }

    public IReadOnlyList<ValidationProblem> Problems { get; }
}
