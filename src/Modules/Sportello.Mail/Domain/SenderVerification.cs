using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using System.Buffers.Text;

namespace Sportello.Mail.Domain;

/// <summary>
/// The link that proves a tenant owns its sender address: a token, protected with the tenant's data protection,
/// naming the address and valid for <see cref="Lifespan"/>. Opening it and confirming adds the address's domain to
/// the tenant's verified domains.
/// </summary>
public sealed class SenderVerification(IDataProtectionProvider protection, TimeProvider time)
{
    public const string Path = "/mail/verify-sender";
    public static readonly TimeSpan Lifespan = TimeSpan.FromDays(2);

    private readonly IDataProtector _protector = protection.CreateProtector("Sportello.Mail.SenderVerification");

    public string TokenFor(string address) =>
        Base64Url.EncodeToString(_protector.Protect(Encoding.UTF8.GetBytes($"{time.GetUtcNow().ToUnixTimeSeconds()}|{address}")));

    /// <summary>The address the token was issued for, when it is genuine and not expired.</summary>
    public string? AddressOf(string? token)
    {
        if (string.IsNullOrEmpty(token))
        {
            return null;
        }

        try
        {
            var parts = Encoding.UTF8.GetString(_protector.Unprotect(Base64Url.DecodeFromChars(token))).Split('|', 2);
            return parts.Length == 2 && long.TryParse(parts[0], out var issued)
                && time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(issued) <= Lifespan
                ? parts[1]
                : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
