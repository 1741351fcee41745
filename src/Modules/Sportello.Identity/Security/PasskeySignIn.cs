using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;

namespace Sportello.Identity.Security;

/// <summary>
/// Signing in with a passkey, alone or as the second step after the password. Identity checks the assertion; this
/// adds what the password path checks too (confirmed address, lockout) and records the sign-in. After the password,
/// the ceremony's state rides in the password step's own cookie: Identity's sign-in manager would replace that cookie
/// with its state, and the authenticator-code form beside the passkey button would stop working.
/// </summary>
public sealed class PasskeySignIn(SignInManager<SportelloUser> signIn, IPasskeyHandler<SportelloUser> handler, AccountAudit audit, IHttpContextAccessor http)
{
    public const int MaxCredentialLength = 20_000;

    private UserManager<SportelloUser> Users => signIn.UserManager;

    private const string StateKey = "sportello.passkey-assertion";

    /// <summary>Options for <c>navigator.credentials.get()</c>: any passkey of the tenant, or only <paramref name="user"/>'s after the password.</summary>
    public async Task<string> RequestOptionsAsync(SportelloUser? user)
    {
        if (user is null)
        {
            return await signIn.MakePasskeyRequestOptionsAsync(null);
        }

        var passwordStep = await Context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
        var options = await handler.MakeRequestOptionsAsync(user, Context);
        var properties = passwordStep.Properties ?? new AuthenticationProperties();
        properties.Items[StateKey] = options.AssertionState;
        await Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, passwordStep.Principal!, properties);
        return options.RequestOptionsJson;
    }

    /// <summary>
    /// Verifies the credential and signs its owner in; with <paramref name="expected"/>, only that user (the one who
    /// typed the password). Returns null on success, else the refusal to show.
    /// </summary>
    public async Task<string?> SignInAsync(string? credentialJson, SportelloUser? expected, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(credentialJson) || credentialJson.Length > MaxCredentialLength)
        {
            return NotRecognised;
        }

        PasskeyAssertionResult<SportelloUser> result;
        if (expected is null)
        {
            try
            {
                result = await signIn.PerformPasskeyAssertionAsync(credentialJson);
            }
            catch (InvalidOperationException)
            {
                return Expired; // no ceremony under way: the page sat too long, or the options came from elsewhere
            }
        }
        else
        {
            var passwordStep = await Context.AuthenticateAsync(IdentityConstants.TwoFactorUserIdScheme);
            if (passwordStep.Properties is null || !passwordStep.Properties.Items.TryGetValue(StateKey, out var state) || state is null)
            {
                return Expired;
            }

            // One ceremony per options: the state goes, the password step stays for the code form.
            passwordStep.Properties.Items.Remove(StateKey);
            await Context.SignInAsync(IdentityConstants.TwoFactorUserIdScheme, passwordStep.Principal!, passwordStep.Properties);
            result = await handler.PerformAssertionAsync(new PasskeyAssertionContext { CredentialJson = credentialJson, AssertionState = state, HttpContext = Context });
        }

        var refusal = await RefusalAsync(result, expected);
        if (refusal is not null)
        {
            await audit.RecordAsync(AuditActions.SignInFailed, result.Succeeded ? result.User : expected, detail: "passkey", ct: ct);
            return refusal;
        }

        var user = result.User!;
        await Users.AddOrUpdatePasskeyAsync(user, result.Passkey!); // the latest signature counter
        await Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", "passkey")]);
        await audit.SignedInAsync(user, detail: "passkey", ct: ct);
        return null;
    }

    private async Task<string?> RefusalAsync(PasskeyAssertionResult<SportelloUser> result, SportelloUser? expected)
    {
        if (!result.Succeeded || (expected is not null && result.User.Id != expected.Id))
        {
            return NotRecognised;
        }

        if (await Users.IsLockedOutAsync(result.User))
        {
            return result.User.LockoutEnd == DateTimeOffset.MaxValue ? Pages.Account.LoginModel.Suspended : Pages.Account.LoginModel.PausedAfterCodes;
        }

        return await signIn.CanSignInAsync(result.User) ? null : Pages.Account.LoginModel.Unconfirmed;
    }

    public const string NotRecognised = "La passkey non è stata riconosciuta. Riprova, oppure accedi con la password.";
    public const string Expired = "La richiesta della passkey è scaduta: riprova.";

    private HttpContext Context => http.HttpContext ?? throw new InvalidOperationException("Passkeys need a request.");
}
