namespace Sportello.Mail.Domain;

/// <summary>A tenant's sender and, optionally, its own SMTP server (otherwise the platform's, from configuration).</summary>
public sealed record MailSettings
{
    public const int MaxSenderName = 100;

    public string? SenderName { get; init; }
    public string? SenderAddress { get; init; }

    /// <summary>
    /// Domains the tenant proved it owns, by opening a link sent to an address there. Messages leave from the
    /// <see cref="SenderAddress"/> only when its domain is listed; until then from the platform's address, on the
    /// tenant's behalf. A recipe (the platform operator) may list domains directly.
    /// </summary>
    public IReadOnlyList<string> VerifiedDomains { get; init; } = [];

    public SmtpSettings? Smtp { get; init; }

    /// <summary>Whether messages may carry <see cref="SenderAddress"/> as their sender.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool SenderVerified => SenderAddress is { } address && VerifiedDomains.Contains(DomainOf(address), StringComparer.OrdinalIgnoreCase);

    public static string DomainOf(string address) => address[(address.LastIndexOf('@') + 1)..].Trim().ToLowerInvariant();
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

public static class SmtpSecurityNames
{
    public static string Display(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => "Nessuna (non cifrata)",
        SmtpSecurity.StartTls => "STARTTLS (porta 587)",
        SmtpSecurity.SslOnConnect => "SSL/TLS (porta 465)",
        _ => security.ToString(),
    };
}
