namespace Sportello.Pages;

/// <summary>Marker for the module's UI strings: Italian text is the key, Resources/PagesStrings.en.resx the English.</summary>
public sealed class PagesStrings;
