using System.Buffers.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Sportello.Core.Security;
using Sportello.Identity.Data;
using Sportello.Identity.Domain;
using Sportello.Identity.Security;

namespace Sportello.Identity.Pages.Account;

/// <summary>
/// The account's passkeys: add one (the browser creates it), rename or remove one. A passkey signs in without a
/// password, or stands in for the authenticator code after it; recovery codes keep working beside them.
/// </summary>
[Authorize]
[EnableRateLimiting(RateLimits.Guarded)]
public sealed class PasskeysModel(SignInManager<SportelloUser> signIn, AccountAudit audit) : PageModel
{
    public const int MaxPasskeys = 10;
    public const int MaxName = 100;

    public sealed record Row(string Id, string Name, DateTimeOffset Created);

    [BindProperty] public string? CredentialJson { get; set; }
    [BindProperty] public string? Name { get; set; }

    /// <summary>Asked again to add one: a session left open must not be enough to plant a way in that needs no password.</summary>
    [BindProperty] public string? Password { get; set; }

    public IReadOnlyList<Row> Passkeys { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Error { get; private set; }

    private UserManager<SportelloUser> Users => signIn.UserManager;

    public async Task<IActionResult> OnGetAsync(string? done)
    {
        Message = done switch
        {
            "added" => "Passkey aggiunta: da ora puoi usarla per accedere.",
            "renamed" => "Nome della passkey cambiato.",
            "removed" => "Passkey rimossa: non apre più il tuo account.",
            _ => null,
        };
        return await LoadAsync() is null ? Challenge() : Page();
    }

    /// <summary>Options for <c>navigator.credentials.create()</c>, excluding the passkeys the account already has.</summary>
    public async Task<IActionResult> OnPostOptionsAsync()
    {
        if (await Users.GetUserAsync(User) is not { } user)
        {
            return Challenge();
        }

        var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = user.Id, Name = user.Email!, DisplayName = user.DisplayName });
        return Content(options, "application/json");
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        if (Passkeys.Count >= MaxPasskeys)
        {
            Error = "Hai già dieci passkey: rimuovine una prima di aggiungerne un'altra.";
            return Page();
        }

        Error = NameProblem()
            ?? (string.IsNullOrEmpty(CredentialJson) || CredentialJson.Length > PasskeySignIn.MaxCredentialLength ? PasskeySignIn.NotRecognised : null);
        if (Error is not null)
        {
            return Page();
        }

        if (!await Users.CheckPasswordAsync(user, Password ?? string.Empty))
        {
            Error = "La password non è corretta: la passkey non è stata aggiunta.";
            await audit.RecordAsync(AuditActions.SignInFailed, user, detail: "passkey registration: wrong password", ct: ct);
            return Page();
        }

        PasskeyAttestationResult result;
        try
        {
            result = await signIn.PerformPasskeyAttestationAsync(CredentialJson!);
        }
        catch (InvalidOperationException)
        {
            Error = PasskeySignIn.Expired;
            return Page();
        }

        if (!result.Succeeded)
        {
            Error = "Il dispositivo non ha creato una passkey valida. Riprova.";
            return Page();
        }

        result.Passkey.Name = Clean(Name) ?? $"Passkey {Passkeys.Count + 1}";
        await Users.AddOrUpdatePasskeyAsync(user, result.Passkey);
        await audit.RecordAsync(AuditActions.PasskeyAdded, user, detail: result.Passkey.Name, ct: ct);
        return RedirectToPage(new { done = "added" });
    }

    public async Task<IActionResult> OnPostRenameAsync(string? id, CancellationToken ct) => await ChangeAsync(id, async (user, passkey) =>
    {
        Error = NameProblem() ?? (Clean(Name) is null ? "Scrivi un nome." : null);
        if (Error is not null)
        {
            return false;
        }

        var name = Clean(Name)!;

        passkey.Name = name;
        await Users.AddOrUpdatePasskeyAsync(user, passkey);
        await audit.RecordAsync(AuditActions.PasskeyRenamed, user, detail: name, ct: ct);
        return true;
    }, "renamed");

    public async Task<IActionResult> OnPostRemoveAsync(string? id, CancellationToken ct) => await ChangeAsync(id, async (user, passkey) =>
    {
        await Users.RemovePasskeyAsync(user, passkey.CredentialId);
        await audit.RecordAsync(AuditActions.PasskeyRemoved, user, detail: passkey.Name, ct: ct);
        return true;
    }, "removed");

    /// <summary>Only the account's own passkeys: another account's id finds nothing (404).</summary>
    private async Task<IActionResult> ChangeAsync(string? id, Func<SportelloUser, UserPasskeyInfo, Task<bool>> change, string done)
    {
        if (await LoadAsync() is not { } user)
        {
            return Challenge();
        }

        if (!TryDecode(id, out var credentialId) || await Users.GetPasskeyAsync(user, credentialId) is not { } passkey)
        {
            return NotFound();
        }

        return await change(user, passkey) ? RedirectToPage(new { done }) : Page();
    }

    private async Task<SportelloUser?> LoadAsync()
    {
        if (await Users.GetUserAsync(User) is not { } user)
        {
            return null;
        }

        Passkeys = (await Users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new Row(Base64Url.EncodeToString(p.CredentialId), p.Name ?? "Passkey", p.CreatedAt))
            .ToList();
        return user;
    }

    private string? NameProblem() => Name?.Trim().Length > MaxName ? "Il nome della passkey è lungo al massimo 100 caratteri." : null;

    private static string? Clean(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim();

    private static bool TryDecode(string? id, out byte[] credentialId)
    {
        credentialId = [];
        if (string.IsNullOrEmpty(id) || id.Length > 1400)
        {
            return false;
        }

        try
        {
            credentialId = Base64Url.DecodeFromChars(id);
            return credentialId.Length > 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
