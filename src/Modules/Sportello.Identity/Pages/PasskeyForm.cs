namespace Sportello.Identity.Pages;

/// <summary>
/// A passkey form (<c>_PasskeyForm</c>): <paramref name="Mode"/> "create" or "get", the page handler that answers the
/// options and the one that takes the credential.
/// </summary>
public sealed record PasskeyForm(string Mode, string OptionsHandler, string Handler, string Label, string? ReturnUrl = null);
