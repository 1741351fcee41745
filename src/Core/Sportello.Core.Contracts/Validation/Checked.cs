using Sportello.Core.Text;

namespace Sportello.Core.Validation;

/// <summary>What a validator made of a value: the value written the one way the product stores it, or why it is refused.</summary>
public sealed record Checked
{
    private Checked(bool valid, string normalized, LocalizedText? problem)
    {
        Valid = valid;
        Normalized = normalized;
        Problem = problem;
    }

    public bool Valid { get; }

    /// <summary>The value as stored (upper case, no spaces, E.164...); for a refused value, the input as read.</summary>
    public string Normalized { get; }

    /// <summary>Why the value is refused; null when it is valid.</summary>
    public LocalizedText? Problem { get; }

    public static Checked Ok(string normalized) => new(true, normalized, null);

    public static Checked Refused(string read, string italian, string english) => new(false, read, new LocalizedText(italian, english));

    /// <summary>The reason in the current UI language, or null when the value is valid.</summary>
    public string? Message => Problem?.ToString();
}
