namespace Sportello.Mail.Domain;

/// <summary>A message template: a Liquid subject and a Liquid HTML body, per key and language.</summary>
public sealed class MailTemplate
{
    public required string Key { get; set; }

    /// <summary>Two-letter language: "it" or "en".</summary>
    public required string Language { get; set; }

    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime UpdatedUtc { get; set; }
}
