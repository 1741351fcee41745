namespace Sportello.Identity;

/// <summary>The audit actions Identity writes for sign-in attempts, with the account as subject (type "user").</summary>
public static class SignInAudit
{
    public const string SubjectType = "user";
    public const string SignedIn = "identity.signed-in";
    public const string Failed = "identity.sign-in-failed";
    public const string LockedOut = "identity.locked-out";

    public static IReadOnlyList<string> All { get; } = [SignedIn, Failed, LockedOut];
}
