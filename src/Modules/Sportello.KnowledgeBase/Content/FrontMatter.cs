using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Sportello.KnowledgeBase.Content;

/// <summary>A mistake in a content file, with the file and the line it is on.</summary>
public sealed record ContentProblem(string File, int Line, string Message)
{
    public override string ToString() => $"{File}, riga {Line}: {Message}";
}

/// <summary>
/// Splits a Markdown file into its YAML front matter (between two <c>---</c> lines) and its body, reporting
/// problems with the file's own line numbers.
/// </summary>
public static class FrontMatter
{
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .Build();

    public static (T? Meta, string Body, int BodyLine, ContentProblem? Problem) Parse<T>(string text, string file) where T : class
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        if (lines.Length == 0 || lines[0].Trim() != "---")
        {
            return (null, string.Empty, 1, new ContentProblem(file, 1, "Il file deve iniziare con l'intestazione tra due righe \"---\"."));
        }

        var end = Array.FindIndex(lines, 1, l => l.Trim() == "---");
        if (end < 0)
        {
            return (null, string.Empty, 1, new ContentProblem(file, 1, "L'intestazione non è chiusa: manca la seconda riga \"---\"."));
        }

        var yaml = string.Join('\n', lines[1..end]);
        try
        {
            var meta = Yaml.Deserialize<T>(yaml);
            if (meta is null)
            {
                return (null, string.Empty, 1, new ContentProblem(file, 2, "L'intestazione è vuota."));
            }

            return (meta, string.Join('\n', lines[(end + 1)..]), end + 2, null);
        }
        catch (YamlException ex)
        {
            // The YAML starts on the file's second line.
            var line = (int)ex.Start.Line + 1;
            var reason = ex.InnerException?.Message ?? ex.Message;
            return (null, string.Empty, line, new ContentProblem(file, line, $"Intestazione non valida: {reason}"));
        }
    }

    /// <summary>The file line where <paramref name="key"/> is written in the front matter, or 1.</summary>
    public static int LineOf(string text, string key)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        for (var i = 1; i < lines.Length && lines[i].Trim() != "---"; i++)
        {
            if (lines[i].TrimStart().StartsWith(key + ":", StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 1;
    }
}
