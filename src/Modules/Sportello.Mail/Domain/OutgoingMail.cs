namespace Sportello.Mail.Domain;

/// <summary>A rendered message, ready for a transport.</summary>
public sealed record OutgoingMail(string To, string? ToName, string Subject, string HtmlBody);
