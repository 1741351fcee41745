using System.Net;
using System.Text.RegularExpressions;

namespace Sportello.Mail.Domain;

/// <summary>The text part of a message, from its HTML: links kept as "text (url)", tags dropped.</summary>
public static partial class PlainText
{
    [GeneratedRegex("<a [^>]*href=\"([^\"]*)\"[^>]*>(.*?)</a>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Link();

    [GeneratedRegex("</p>|<br ?/?>", RegexOptions.IgnoreCase)]
    private static partial Regex Break();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex Blank();

    public static string FromHtml(string html)
    {
        var text = Link().Replace(html, m => $"{m.Groups[2].Value} ({m.Groups[1].Value})");
        text = Break().Replace(text, "\n\n");
        text = WebUtility.HtmlDecode(Tag().Replace(text, string.Empty));
        return Blank().Replace(string.Join('\n', text.Split('\n').Select(l => l.Trim())), "\n\n").Trim();
    }
}
