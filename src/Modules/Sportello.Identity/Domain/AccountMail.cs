using Microsoft.AspNetCore.Identity;
using Sportello.Core.Tenancy;
using Sportello.Identity.Data;
using Sportello.Mail;

namespace Sportello.Identity.Domain;

/// <summary>The account e-mails: each carries a one-hour link to the tenant's configured address.</summary>
public sealed class AccountMail(UserManager<SportelloUser> users, IMailSender mail, TenantLinks links)
{
    private static readonly int Minutes = (int)TimedTokenProvider.Lifespan.TotalMinutes;

    public async Task SendPasswordResetAsync(SportelloUser user, CancellationToken ct)
    {
        var code = await users.GeneratePasswordResetTokenAsync(user);
        await SendAsync(AccountTemplates.ResetPassword, user, user.Email!, Link("/account/reset-password", user, code), ct);
    }

    /// <summary>For an invited user: a link to choose their first password (a password-reset token).</summary>
    public async Task SendSetPasswordAsync(SportelloUser user, CancellationToken ct)
    {
        var code = await users.GeneratePasswordResetTokenAsync(user);
        await SendAsync(AccountTemplates.SetPassword, user, user.Email!, Link("/account/reset-password", user, code), ct);
    }

    /// <summary>An operator asked, from the customer's record, for the customer to choose a new password.</summary>
    public async Task SendOperatorResetAsync(SportelloUser user, CancellationToken ct)
    {
        var code = await users.GeneratePasswordResetTokenAsync(user);
        await SendAsync(AccountTemplates.OperatorReset, user, user.Email!, Link("/account/reset-password", user, code), ct);
    }

    /// <summary>A password an operator generated, which the customer changes at the first sign-in.</summary>
    public Task SendOperatorPasswordAsync(SportelloUser user, string password, CancellationToken ct) =>
        SendAsync(AccountTemplates.OperatorPassword, user, user.Email!, links.To("/account/login"), ct, password);

    public async Task SendEmailConfirmationAsync(SportelloUser user, CancellationToken ct)
    {
        var code = await users.GenerateEmailConfirmationTokenAsync(user);
        await SendAsync(AccountTemplates.ConfirmEmail, user, user.Email!, Link("/account/confirm-email", user, code), ct);
    }

    /// <summary>To the owner of an address someone tried to sign up with: how to sign in, or get a new password.</summary>
    public Task SendAlreadyRegisteredAsync(SportelloUser user, CancellationToken ct) =>
        SendAsync(AccountTemplates.AlreadyRegistered, user, user.Email!, links.To("/account/login"), ct);

    public async Task SendEmailChangeAsync(SportelloUser user, string newEmail, CancellationToken ct)
    {
        var code = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        await SendAsync(AccountTemplates.ChangeEmail, user, newEmail, Link("/account/confirm-email-change", user, code, newEmail), ct);
    }

    private string Link(string path, SportelloUser user, string code, string? email = null) => links.To(path,
        email is null
            ? [new("userId", user.Id), new("code", code)]
            : [new("userId", user.Id), new("email", email), new("code", code)]);

    private Task SendAsync(string template, SportelloUser user, string to, string link, CancellationToken ct, string? password = null) =>
        mail.SendAsync(template, to, user.DisplayName, new Dictionary<string, object?>
        {
            ["user"] = new Dictionary<string, object?> { ["name"] = string.IsNullOrWhiteSpace(user.DisplayName) ? to : user.DisplayName },
            ["link"] = link,
            ["expires_minutes"] = Minutes,
            ["password"] = password,
        }, user.Culture is null ? null : System.Globalization.CultureInfo.GetCultureInfo(user.Culture), ct);
}
