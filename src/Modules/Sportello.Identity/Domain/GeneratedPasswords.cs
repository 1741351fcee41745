using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Sportello.Identity.Domain;

/// <summary>
/// Passwords the back office makes up for a customer: groups of letters and digits joined by dashes, long enough
/// for the tenant's policy and easy to read aloud or copy from an e-mail (no 0/O, 1/l/I).
/// </summary>
public static class GeneratedPasswords
{
    private const string Lower = "abcdefghijkmnpqrstuvwxyz";
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Digits = "23456789";

    public static string New(PasswordOptions policy)
    {
        var length = Math.Max(policy.RequiredLength, 16);
        var groups = new List<string>();
        while (groups.Sum(g => g.Length + 1) - 1 < length)
        {
            groups.Add(RandomNumberGenerator.GetString(Lower, 5));
        }

        // A capital first and two digits last: every character class a policy may ask for is there.
        groups[0] = RandomNumberGenerator.GetString(Upper, 1) + groups[0][1..];
        groups[^1] = groups[^1][..^2] + RandomNumberGenerator.GetString(Digits, 2);
        return string.Join('-', groups);
    }
}
