using System.Globalization;

namespace Sportello.Core.Text;

/// <summary>
/// A sentence in Italian and English, for rules that live outside any page (validators, lifecycles) and so have no
/// localizer; <see cref="ToString()"/> picks the current UI language, Italian unless it is English.
/// </summary>
public sealed record LocalizedText(string Italian, string English)
{
    public string For(CultureInfo culture) =>
        culture.TwoLetterISOLanguageName == "en" ? English : Italian;

    public override string ToString() => For(CultureInfo.CurrentUICulture);
}
