using System.Globalization;

using Sportello.Core.Modules;

namespace Sportello.Mail;

/// <summary>
/// Sends one of the tenant's templated messages (its Liquid template, or the default one) through the tenant's mail
/// server or the platform's. Throws <see cref="MailDeliveryException"/> when the message did not leave.
/// </summary>
[ModuleContract("mail")]
public interface IMailSender
{
    /// <param name="values">What the template sees besides <c>tenant</c>: names to values, nested dictionaries for objects.</param>
    /// <param name="culture">The recipient's language; the tenant's when null.</param>
    Task SendAsync(string templateKey, string to, string? toName, IReadOnlyDictionary<string, object?> values, CultureInfo? culture = null, CancellationToken ct = default);
}
