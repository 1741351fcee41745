using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Sportello.Organizations.Domain;

/// <summary>A link's secret: 256 random bits for the e-mail, and its SHA-256 for the table, so a read of the store opens nothing.</summary>
public static class SecretToken
{
    public static (string Token, string Hash) New()
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (token, HashOf(token));
    }

    public static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
