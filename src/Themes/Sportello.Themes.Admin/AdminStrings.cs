namespace Sportello.Themes.Admin;

/// <summary>Marker for the back office's UI strings, menu titles included: Italian text is the key.</summary>
public sealed class AdminStrings;
