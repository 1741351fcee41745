namespace Sportello.Mail;

/// <summary>Marker for the module's UI strings: Italian text is the key, Resources/MailStrings.en.resx the English.</summary>
public sealed class MailStrings;
