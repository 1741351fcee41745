namespace Sportello.Mail;

/// <summary>
/// A message another module sends through <see cref="IMailSender"/>, with its default texts: registered as a singleton
/// by that module, listed and editable in the tenant's mail settings wherever the module is enabled.
/// </summary>
/// <param name="Key">Prefixed by the module's id: <c>organizations.invitation</c>.</param>
/// <param name="ModuleId">The module that sends it; its tenants alone see it.</param>
/// <param name="Title">What the message is for, as the back office lists it.</param>
/// <param name="Texts">Subject and body (Liquid) per language, <c>it</c> at least.</param>
/// <param name="Sample">Made-up values for the back office's preview, besides <c>tenant</c>.</param>
public sealed record MailTemplateDefault(
    string Key, string ModuleId, Sportello.Core.Text.LocalizedText Title, IReadOnlyDictionary<string, MailText> Texts, IReadOnlyDictionary<string, object?> Sample);

/// <summary>A message's subject (plain text) and body (HTML), both Liquid.</summary>
public sealed record MailText(string Subject, string Body);
