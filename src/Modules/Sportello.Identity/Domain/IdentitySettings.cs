namespace Sportello.Identity.Domain;

/// <summary>The tenant's sign-in rules, set by recipe or by its administrators.</summary>
public sealed record IdentitySettings
{
    /// <summary>Whether visitors may create their own customer account.</summary>
    public bool AllowSignUp { get; init; }

    /// <summary>Administrators must enrol an authenticator app before they can use the back office.</summary>
    public bool RequireTwoFactorForAdministrators { get; init; }

    /// <summary>A customer whose password an operator set chooses a new one at the next sign-in.</summary>
    public bool ChangePasswordAfterOperatorReset { get; init; } = true;
}
