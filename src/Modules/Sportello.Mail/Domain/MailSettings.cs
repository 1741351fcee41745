namespace Sportello.Mail.Domain;

/// <summary>A tenant's sender and, optionally, its own SMTP server (otherwise the platform's, from configuration).</summary>
public sealed record MailSettings
{
    public string? SenderName { get; init; }
    public string? SenderAddress { get; init; }
    public SmtpSettings? Smtp { get; init; }
}

public sealed record SmtpSettings
{
    public required string Host { get; init; }
    public int Port { get; init; } = 587;

    /// <summary>none, startTls or sslOnConnect.</summary>
    public SmtpSecurity Security { get; init; } = SmtpSecurity.StartTls;

    public string? UserName { get; init; }

    /// <summary>Protected with the tenant's data protection before it is stored; never shown back.</summary>
    public string? ProtectedPassword { get; init; }
}

public enum SmtpSecurity
{
    None,
    StartTls,
    SslOnConnect,
}
