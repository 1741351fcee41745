using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Sportello.Core.Security;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;

namespace Sportello.Mail.Domain;

/// <summary>
/// Hands a message to the tenant's SMTP server, else the platform's, else (no server configured) writes it as an
/// .eml file to the tenant's pickup folder. A tenant's own server must be on a public address; the sender is the
/// tenant's address only once its domain is verified, otherwise the platform's, on the tenant's behalf.
/// </summary>
public sealed class MailTransport(
    IOptions<PlatformMailOptions> platform,
    StorePaths paths,
    IDataProtectionProvider protection,
    OutboundAddresses outbound,
    TimeProvider time,
    ILogger<MailTransport> logger)
{
    public const string PasswordPurpose = "Sportello.Mail.SmtpPassword";

    public async Task SendAsync(Tenant tenant, MailSettings settings, OutgoingMail mail, CancellationToken ct)
    {
        var message = Build(tenant, settings, mail);
        if (settings.Smtp is { } own)
        {
            using var socket = await outbound.ConnectAsync(own.Host, own.Port, "smtp.host", ct);
            var password = own.ProtectedPassword is null ? null : protection.CreateProtector(PasswordPurpose).Unprotect(own.ProtectedPassword);
            await DeliverAsync(message, own.Host, own.Port, own.Security, own.UserName, password, socket, ct);
            return;
        }

        var p = platform.Value;
        if (!string.IsNullOrWhiteSpace(p.SmtpHost))
        {
            await DeliverAsync(message, p.SmtpHost, p.SmtpPort, p.SmtpSecurity, p.SmtpUserName, p.SmtpPassword, null, ct);
            return;
        }

        var folder = Path.Combine(paths.AppData, p.PickupFolder, tenant.Name);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{time.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        await message.WriteToAsync(file, ct);
        logger.LogInformation("Mail to {To} written to {File}", mail.To, file);
    }

    private async Task DeliverAsync(MimeMessage message, string host, int port, SmtpSecurity security, string? user, string? password, System.Net.Sockets.Socket? socket, CancellationToken ct)
    {
        using var client = new SmtpClient();
        var options = security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        if (socket is null)
        {
            await client.ConnectAsync(host, port, options, ct);
        }
        else
        {
            await client.ConnectAsync(socket, host, port, options, ct);
        }

        if (user is not null && password is not null)
        {
            await client.AuthenticateAsync(user, password, ct);
        }

        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        logger.LogInformation("Mail to {To} sent through {Host}", string.Join(", ", message.To.Mailboxes.Select(m => m.Address)), host);
    }

    private MimeMessage Build(Tenant tenant, MailSettings settings, OutgoingMail mail)
    {
        var message = new MimeMessage();
        var name = settings.SenderName ?? tenant.DisplayName;
        if (settings is { SenderVerified: true, SenderAddress: { } own })
        {
            message.From.Add(new MailboxAddress(name, own));
        }
        else
        {
            // Not proven to be the tenant's: the platform sends on its behalf, and answers go to the tenant.
            message.From.Add(new MailboxAddress(name, platform.Value.SenderAddress));
            if ((settings.SenderAddress ?? tenant.Settings.Branding.SupportEmail) is { } replyTo)
            {
                message.ReplyTo.Add(new MailboxAddress(name, replyTo));
            }
        }

        message.To.Add(new MailboxAddress(mail.ToName ?? string.Empty, mail.To));
        message.Subject = mail.Subject;
        message.Body = new BodyBuilder { HtmlBody = mail.HtmlBody, TextBody = PlainText.FromHtml(mail.HtmlBody) }.ToMessageBody();
        return message;
    }
}
