namespace Sportello.Identity.Domain;

/// <summary>Section <c>Sportello:Identity</c>.</summary>
public sealed class SessionOptions
{
    public const string Section = "Sportello:Identity";

    /// <summary>
    /// Compare each signed-in request's security stamp with the store (the default), so a lock or a password change
    /// ends other sessions at once. Off, sessions are checked only when their claims are refreshed (every minute):
    /// kept for measuring what the check costs, not for production.
    /// </summary>
    public bool CheckEveryRequest { get; set; } = true;
}
