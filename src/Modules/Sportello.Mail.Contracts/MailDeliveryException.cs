namespace Sportello.Mail;

/// <summary>Why a mail server did not take a message.</summary>
public enum MailDeliveryProblem
{
    /// <summary>No answer, or the connection broke.</summary>
    Unreachable,

    /// <summary>The server refused the user name or password.</summary>
    CredentialsRefused,

    /// <summary>The server answered but refused the message (sender, recipient, size...).</summary>
    MessageRefused,

    /// <summary>The name does not exist, or it leads to an internal address the platform will not connect to.</summary>
    NotAllowed,

    /// <summary>The stored SMTP password cannot be unprotected any more (the platform's keys changed).</summary>
    PasswordUnreadable,
}

/// <summary>
/// A message that did not leave, whatever the cause below (socket, TLS, SMTP reply, outbound check): the one failure
/// callers catch to tell the person what happened instead of answering 500. Its message is Italian; pages show
/// <see cref="FormatOf"/> through their localizer, with <see cref="Server"/>, in their own language.
/// </summary>
public sealed class MailDeliveryException(MailDeliveryProblem problem, string server, Exception inner)
    : Exception(string.Format(System.Globalization.CultureInfo.InvariantCulture, FormatOf(problem), server), inner)
{
    public MailDeliveryProblem Problem { get; } = problem;

    /// <summary>The server as host:port.</summary>
    public string Server { get; } = server;

    /// <summary>The Italian sentence for a problem, with <c>{0}</c> for the server: a localizer key.</summary>
    public static string FormatOf(MailDeliveryProblem problem) => problem switch
    {
        MailDeliveryProblem.CredentialsRefused => "Il server di posta {0} ha rifiutato nome utente o password.",
        MailDeliveryProblem.MessageRefused => "Il server di posta {0} ha rifiutato il messaggio.",
        MailDeliveryProblem.PasswordUnreadable => "La password salvata per il server di posta {0} non si può più leggere: scrivila di nuovo.",
        MailDeliveryProblem.NotAllowed => "Il server di posta {0} non esiste o non è raggiungibile da Internet.",
        _ => "Il server di posta {0} non risponde.",
    };
}
