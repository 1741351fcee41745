using Microsoft.AspNetCore.Identity;
using Sportello.Identity.Data;
using Sportello.Mail.Domain;

namespace Sportello.Identity.Domain;

/// <summary>The account e-mails: each carries a one-hour link under <c>baseUrl</c>, the tenant's address.</summary>
public sealed class AccountMail(UserManager<SportelloUser> users, MailSender mail)
{
    private static readonly int Minutes = (int)TimedTokenProvider.Lifespan.TotalMinutes;

    public async Task SendPasswordResetAsync(string baseUrl, SportelloUser user, CancellationToken ct)
    {
        var code = await users.GeneratePasswordResetTokenAsync(user);
        await SendAsync(DefaultTemplates.ResetPassword, user, user.Email!,
            AccountLinks.Build(baseUrl, "/account/reset-password", new Dictionary<string, string?> { ["userId"] = user.Id, ["code"] = code }), ct);
    }

    /// <summary>For an invited user: a link to choose their first password (a password-reset token).</summary>
    public async Task SendSetPasswordAsync(string baseUrl, SportelloUser user, CancellationToken ct)
    {
        var code = await users.GeneratePasswordResetTokenAsync(user);
        await SendAsync(DefaultTemplates.SetPassword, user, user.Email!,
            AccountLinks.Build(baseUrl, "/account/reset-password", new Dictionary<string, string?> { ["userId"] = user.Id, ["code"] = code }), ct);
    }

    public async Task SendEmailConfirmationAsync(string baseUrl, SportelloUser user, CancellationToken ct)
    {
        var code = await users.GenerateEmailConfirmationTokenAsync(user);
        await SendAsync(DefaultTemplates.ConfirmEmail, user, user.Email!,
            AccountLinks.Build(baseUrl, "/account/confirm-email", new Dictionary<string, string?> { ["userId"] = user.Id, ["code"] = code }), ct);
    }

    public async Task SendEmailChangeAsync(string baseUrl, SportelloUser user, string newEmail, CancellationToken ct)
    {
        var code = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        await SendAsync(DefaultTemplates.ChangeEmail, user, newEmail,
            AccountLinks.Build(baseUrl, "/account/confirm-email-change", new Dictionary<string, string?> { ["userId"] = user.Id, ["email"] = newEmail, ["code"] = code }), ct);
    }

    private Task SendAsync(string template, SportelloUser user, string to, string link, CancellationToken ct) =>
        mail.SendAsync(template, to, user.DisplayName, new Dictionary<string, object?>
        {
            ["user"] = new Dictionary<string, object?> { ["name"] = string.IsNullOrWhiteSpace(user.DisplayName) ? to : user.DisplayName },
            ["link"] = link,
            ["expires_minutes"] = Minutes,
        }, user.Culture is null ? null : System.Globalization.CultureInfo.GetCultureInfo(user.Culture), ct);
}
