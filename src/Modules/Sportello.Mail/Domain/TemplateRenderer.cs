using System.Text.Encodings.Web;
using Fluid;

namespace Sportello.Mail.Domain;

/// <summary>
/// Liquid rendering with Fluid, sandboxed: templates see only the values handed to them (plain dictionaries and
/// strings), never .NET objects, and every value is HTML-encoded on output.
/// </summary>
public static class TemplateRenderer
{
    private static readonly FluidParser Parser = new();
    private static readonly TemplateOptions Options = new();

    /// <summary>Returns the parse error of a template (with its line and column), or null when it parses.</summary>
    public static string? Check(string source) => Parser.TryParse(source, out _, out var error) ? null : error;

    /// <summary>Renders, or returns false with the reason when the template does not parse.</summary>
    public static bool TryRender(string source, IReadOnlyDictionary<string, object?> model, out string output, out string? error)
    {
        output = string.Empty;
        if (!Parser.TryParse(source, out var template, out error))
        {
            return false;
        }

        var context = new TemplateContext(Options);
        foreach (var (name, value) in model)
        {
            context.SetValue(name, value);
        }

        output = template.Render(context, HtmlEncoder.Default);
        return true;
    }
}
