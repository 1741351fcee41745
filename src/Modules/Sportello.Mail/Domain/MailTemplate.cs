namespace Sportello.Mail.Domain;

/// <summary>A message template: a Liquid subject and a Liquid HTML body, per key and language.</summary>
public sealed class MailTemplate
{
    public const int MaxSubject = 300;
    public const int MaxBody = 50_000;

    public required string Key { get; set; }

    /// <summary>Two-letter language: "it" or "en".</summary>
    public required string Language { get; set; }

    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>The last time a message could not be made from this template (the default went instead), and why.</summary>
    public DateTime? LastFailureUtc { get; set; }

    public string? LastFailure { get; set; }
}
