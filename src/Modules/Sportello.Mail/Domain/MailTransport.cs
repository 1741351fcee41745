using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;

namespace Sportello.Mail.Domain;

/// <summary>
/// Hands a message to the tenant's SMTP server, else the platform's, else (no server configured) writes it as an
/// .eml file to the tenant's pickup folder.
/// </summary>
public sealed class MailTransport(
    IOptions<PlatformMailOptions> platform,
    StorePaths paths,
    IDataProtectionProvider protection,
    TimeProvider time,
    ILogger<MailTransport> logger)
{
    public const string PasswordPurpose = "Sportello.Mail.SmtpPassword";

    public async Task SendAsync(Tenant tenant, MailSettings settings, OutgoingMail mail, CancellationToken ct)
    {
        var message = Build(tenant, settings, mail);
        var server = Server(settings);
        if (server is null)
        {
            var folder = Path.Combine(paths.AppData, platform.Value.PickupFolder, tenant.Name);
            Directory.CreateDirectory(folder);
            var file = Path.Combine(folder, $"{time.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
            await message.WriteToAsync(file, ct);
            logger.LogInformation("Mail to {To} written to {File}", mail.To, file);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(server.Value.Host, server.Value.Port, server.Value.Security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        }, ct);
        if (server.Value.UserName is { } user && server.Value.Password is { } password)
        {
            await client.AuthenticateAsync(user, password, ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        logger.LogInformation("Mail to {To} sent through {Host}", mail.To, server.Value.Host);
    }

    private MimeMessage Build(Tenant tenant, MailSettings settings, OutgoingMail mail)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(
            settings.SenderName ?? tenant.DisplayName,
            settings.SenderAddress ?? platform.Value.SenderAddress));
        message.To.Add(new MailboxAddress(mail.ToName ?? string.Empty, mail.To));
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { HtmlBody = mail.HtmlBody, TextBody = PlainText.FromHtml(mail.HtmlBody) }.ToMessageBody();
        return message;
    }

    private (string Host, int Port, SmtpSecurity Security, string? UserName, string? Password)? Server(MailSettings settings)
    {
        if (settings.Smtp is { } own)
        {
            var password = own.ProtectedPassword is null ? null : protection.CreateProtector(PasswordPurpose).Unprotect(own.ProtectedPassword);
            return (own.Host, own.Port, own.Security, own.UserName, password);
        }

        var p = platform.Value;
        return string.IsNullOrWhiteSpace(p.SmtpHost) ? null : (p.SmtpHost, p.SmtpPort, p.SmtpSecurity, p.SmtpUserName, p.SmtpPassword);
    }
}
