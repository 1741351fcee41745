using System.Text.RegularExpressions;
using MimeKit;

namespace Sportello.Testing;

/// <summary>Reads messages the host delivered: .eml files in a pickup folder, or a Maildir the test SMTP server writes.</summary>
public static partial class Mailbox
{
    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex Href();

    /// <summary>Messages for <paramref name="to"/> in the tenant's pickup folder, oldest first.</summary>
    public static IReadOnlyList<MimeMessage> Pickup(SportelloApp app, string tenant, string to) =>
        Read(Path.Combine(app.AppData, "mail-pickup", tenant), to);

    /// <summary>How many messages to <paramref name="to"/> a folder holds now; pass it to <see cref="WaitForAsync"/> to wait for a new one.</summary>
    public static int Count(string folder, string to) => Read(folder, to).Count;

    /// <summary>
    /// Waits up to five seconds for a message to <paramref name="to"/> in a folder (Maildir "new" or pickup), beyond the
    /// <paramref name="before"/> that were there already.
    /// </summary>
    public static async Task<MimeMessage> WaitForAsync(string folder, string to, int before = 0)
    {
        for (var i = 0; i < 50; i++)
        {
            var messages = Read(folder, to);
            if (messages.Count > before)
            {
                return messages[^1];
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"No message to {to} arrived in {folder}.");
    }

    /// <summary>
    /// Waits up to five seconds until the tenant's pickup folder holds <paramref name="count"/> messages for
    /// <paramref name="to"/> (messages that anonymous forms ask for are sent after the form has answered).
    /// </summary>
    public static async Task<IReadOnlyList<MimeMessage>> WaitForPickupAsync(SportelloApp app, string tenant, string to, int count = 1)
    {
        for (var i = 0; i < 50; i++)
        {
            var messages = Pickup(app, tenant, to);
            if (messages.Count >= count)
            {
                return messages;
            }

            await Task.Delay(100);
        }

        throw new InvalidOperationException($"Fewer than {count} messages to {to} arrived for tenant {tenant}.");
    }

    /// <summary>The first link of the message's HTML body, decoded.</summary>
    public static string FirstLink(MimeMessage message) =>
        System.Net.WebUtility.HtmlDecode(Href().Match(message.HtmlBody ?? string.Empty).Groups[1].Value);

    private static List<MimeMessage> Read(string folder, string to) =>
        !Directory.Exists(folder)
            ? []
            : Directory.GetFiles(folder)
                .Where(f => !f.EndsWith(".partial", StringComparison.Ordinal))
                .Select(f => (File: f, Time: File.GetLastWriteTimeUtc(f)))
                .OrderBy(f => f.Time).ThenBy(f => f.File, StringComparer.Ordinal)
                .Select(f => MimeMessage.Load(f.File))
                .Where(m => m.To.Mailboxes.Any(a => string.Equals(a.Address, to, StringComparison.OrdinalIgnoreCase)))
                .ToList();
}
