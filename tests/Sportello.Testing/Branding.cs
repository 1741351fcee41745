using System.Text.RegularExpressions;

namespace Sportello.Testing;

/// <summary>The branding style sheet a page links to (colours are never inline: the policy forbids inline styles).</summary>
public static partial class Branding
{
    [GeneratedRegex("href=\"([^\"]*_branding\\.css\\?v=\\d+)\"")]
    private static partial Regex Link();

    public static async Task<string> StyleOfAsync(HttpClient client, string html)
    {
        var link = Link().Match(html);
        return link.Success ? await client.GetStringAsync(System.Net.WebUtility.HtmlDecode(link.Groups[1].Value)) : throw new InvalidOperationException("The page links no branding style sheet.");
    }
}
