namespace Sportello.Themes.Storefront;

/// <summary>Marker for the theme's UI strings: Italian text is the key, Resources/ThemeStrings.en.resx the English.</summary>
public sealed class ThemeStrings;
