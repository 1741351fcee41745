using Sportello.Core.Modules;

namespace Sportello.Mail;

/// <summary>What the Mail module lets a role do.</summary>
public static class MailPermissions
{
    public const string Manage = "mail.manage";

    public static IReadOnlyList<Permission> All { get; } =
        [new(Manage, "Gestire le e-mail", "Cambiare mittente, server SMTP e modelli dei messaggi.")];
}
