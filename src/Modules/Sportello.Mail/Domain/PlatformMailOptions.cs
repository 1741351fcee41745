namespace Sportello.Mail.Domain;

/// <summary>
/// "Sportello:Mail": the platform's SMTP server and default sender address (the sender's name defaults to the
/// tenant's display name). Without a host, messages are written as .eml files
/// to the pickup folder (App_Data/mail-pickup/&lt;tenant&gt;/), which is what development wants.
/// </summary>
public sealed class PlatformMailOptions
{
    public const string Section = "Sportello:Mail";

    public string SenderAddress { get; set; } = "no-reply@sportello.example";
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; } = 25;
    public SmtpSecurity SmtpSecurity { get; set; } = SmtpSecurity.None;
    public string? SmtpUserName { get; set; }
    public string? SmtpPassword { get; set; }

    /// <summary>Relative to App_Data.</summary>
    public string PickupFolder { get; set; } = "mail-pickup";
}
