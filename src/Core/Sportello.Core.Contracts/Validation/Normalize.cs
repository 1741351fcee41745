namespace Sportello.Core.Validation;

/// <summary>The cleaning every identifier validator starts with.</summary>
internal static class Normalize
{
    /// <summary>Longer inputs are refused before they are looked at, so no validator does work a paste of a book asks for.</summary>
    public const int MaxInput = 100;

    /// <summary>Upper case, without spaces (of any kind) and the dots and dashes people type between groups.</summary>
    public static string Compact(string value, bool dropSeparators = false)
    {
        Span<char> buffer = value.Length <= MaxInput ? stackalloc char[value.Length] : new char[value.Length];
        var length = 0;
        foreach (var c in value)
        {
            if (char.IsWhiteSpace(c) || (dropSeparators && c is '.' or '-' or '/'))
            {
                continue;
            }

            buffer[length++] = char.ToUpperInvariant(c);
        }

        return new string(buffer[..length]);
    }

    public static bool IsAsciiUpperOrDigit(string value) => value.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c));
}
