namespace Sportello.Identity;

/// <summary>Marker for the module's UI strings: Italian text is the key, Resources/IdentityStrings.en.resx the English.</summary>
public sealed class IdentityStrings;
