using Microsoft.Extensions.Localization;

namespace Sportello.Core.Localization;

/// <summary>"1 utente", "3 utenti": Italian and English both take the singular for exactly one, the plural otherwise (zero too).</summary>
public static class Plurals
{
    public static LocalizedString Plural(this IStringLocalizer localizer, long count, string one, string other) =>
        localizer[count == 1 ? one : other, count];
}
