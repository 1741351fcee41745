using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Sportello.Core.Security;
using Sportello.Core.Storage;
using Sportello.Core.Tenancy;
using Sportello.Core.Validation;

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

    // A server that does not answer must not hold a page (or the transaction around it) for the system's minutes.
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(15);
    private const int CommandTimeoutMs = 30_000;

    public async Task SendAsync(Tenant tenant, MailSettings settings, OutgoingMail mail, CancellationToken ct)
    {
        var message = Build(tenant, settings, mail);
        if (settings.Smtp is { } own)
        {
            await GuardAsync($"{own.Host}:{own.Port}", async () =>
            {
                using var connecting = CancellationTokenSource.CreateLinkedTokenSource(ct);
                connecting.CancelAfter(ConnectTimeout);
                using var socket = await outbound.ConnectAsync(own.Host, own.Port, "smtp.host", connecting.Token);
                var password = own.ProtectedPassword is null ? null : protection.CreateProtector(PasswordPurpose).Unprotect(own.ProtectedPassword);
                await DeliverAsync(message, own.Host, own.Port, own.Security, own.UserName, password, socket, ct);
            }, ct);
            return;
        }

        var p = platform.Value;
        if (!string.IsNullOrWhiteSpace(p.SmtpHost))
        {
            await GuardAsync($"{p.SmtpHost}:{p.SmtpPort}",
                () => DeliverAsync(message, p.SmtpHost, p.SmtpPort, p.SmtpSecurity, p.SmtpUserName, p.SmtpPassword, null, ct), ct);
            return;
        }

        var folder = Path.Combine(paths.AppData, p.PickupFolder, tenant.Name);
        Directory.CreateDirectory(folder);
        var file = Path.Combine(folder, $"{time.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml");
        // Written under another name and renamed, so whoever reads the folder never opens a message half-written.
        var partial = file + ".partial";
        await message.WriteToAsync(partial, ct);
        File.Move(partial, file);
        logger.LogInformation("Mail to {To} written to {File}", mail.To, file);
    }

    /// <summary>Every way a delivery can fail becomes one <see cref="MailDeliveryException"/>; cancellation stays cancellation.</summary>
    private async Task GuardAsync(string server, Func<Task> deliver, CancellationToken ct)
    {
        try
        {
            await deliver();
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && ct.IsCancellationRequested) && ProblemOf(ex) is { } problem)
        {
            logger.LogWarning(ex, "Mail not delivered through {Server}: {Problem}", server, problem);
            throw new MailDeliveryException(problem, server, ex);
        }
    }

    private static MailDeliveryProblem? ProblemOf(Exception ex) => ex switch
    {
        SportelloValidationException => MailDeliveryProblem.NotAllowed,
        AuthenticationException => MailDeliveryProblem.CredentialsRefused,
        MailKit.Net.Smtp.SmtpCommandException => MailDeliveryProblem.MessageRefused,
        System.Security.Cryptography.CryptographicException => MailDeliveryProblem.PasswordUnreadable,
        SslHandshakeException or MailKit.ProtocolException or MailKit.ServiceNotConnectedException or System.Net.Sockets.SocketException
            or IOException or System.Security.Authentication.AuthenticationException or OperationCanceledException or TimeoutException
            => MailDeliveryProblem.Unreachable,
        _ => null,
    };

    private async Task DeliverAsync(MimeMessage message, string host, int port, SmtpSecurity security, string? user, string? password, System.Net.Sockets.Socket? socket, CancellationToken ct)
    {
        using var client = new SmtpClient { Timeout = CommandTimeoutMs };
        var options = security switch
        {
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            _ => SecureSocketOptions.None,
        };
        if (socket is null)
        {
            using var connecting = CancellationTokenSource.CreateLinkedTokenSource(ct);
            connecting.CancelAfter(ConnectTimeout);
            await client.ConnectAsync(host, port, options, connecting.Token);
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
