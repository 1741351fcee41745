namespace Sportello.Mail;

/// <summary>The keys of the account messages Mail ships default texts for, which tenants may rewrite.</summary>
public static class AccountTemplates
{
    public const string ConfirmEmail = "account.confirm-email";
    public const string ResetPassword = "account.reset-password";
    public const string ChangeEmail = "account.change-email";
    public const string SetPassword = "account.set-password";
    public const string AlreadyRegistered = "account.already-registered";

    /// <summary>Sent when an operator asks, from the customer's record, for the customer to choose a new password.</summary>
    public const string OperatorReset = "account.operator-reset";

    /// <summary>Carries a password an operator generated (tenant setting), to be changed at the first sign-in.</summary>
    public const string OperatorPassword = "account.operator-password";
}
