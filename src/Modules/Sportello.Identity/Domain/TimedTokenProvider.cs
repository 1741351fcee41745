using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using System.Buffers.Text;
using Sportello.Identity.Data;

namespace Sportello.Identity.Domain;

/// <summary>
/// Tokens for e-mailed links (password reset, e-mail confirmation and change): protected with the tenant's data
/// protection, valid for <see cref="Lifespan"/> by the application's clock, and bound to the user's security stamp,
/// so a reset link stops working the moment the password changes: each link works once.
/// </summary>
public sealed class TimedTokenProvider(IDataProtectionProvider protection, TimeProvider time) : IUserTwoFactorTokenProvider<SportelloUser>
{
    public const string ProviderName = "SportelloTimed";
    public static readonly TimeSpan Lifespan = TimeSpan.FromHours(1);

    private readonly IDataProtector _protector = protection.CreateProtector("Sportello.Identity.TimedTokens");

    public async Task<string> GenerateAsync(string purpose, UserManager<SportelloUser> manager, SportelloUser user)
    {
        var stamp = await manager.GetSecurityStampAsync(user);
        var payload = $"{time.GetUtcNow().ToUnixTimeSeconds()}|{user.Id}|{purpose}|{stamp}";
        return Base64Url.EncodeToString(_protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<SportelloUser> manager, SportelloUser user)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(_protector.Unprotect(Base64Url.DecodeFromChars(token))).Split('|');
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return false;
        }

        if (parts.Length != 4 || !long.TryParse(parts[0], out var issued))
        {
            return false;
        }

        var age = time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued);
        var stamp = await manager.GetSecurityStampAsync(user);
        return age >= TimeSpan.Zero && age <= Lifespan
            && parts[1] == user.Id
            && parts[2] == purpose
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(parts[3]), Encoding.UTF8.GetBytes(stamp));
    }

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<SportelloUser> manager, SportelloUser user) => Task.FromResult(false);
}
