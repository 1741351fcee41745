using Fluid;
using Ganss.Xss;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Sportello.Core.Templates;

namespace Sportello.KnowledgeBase.Content;

/// <summary>
/// Turns a guide's Markdown into HTML that is safe to show to customers: the tenant's name and contacts filled in
/// (Liquid, within limits), tables, numbered steps, "nota" and "attenzione" boxes (<c>::: nota</c> … <c>:::</c>) and
/// heading anchors, then sanitized, so whatever an editor types (script, event handlers, javascript: links) never
/// reaches a customer's browser. A guide that cannot be rendered gives its reason instead of an exception, so one
/// guide never takes a page, the index or the help centre down.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseCustomContainers()
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .DisableHtml()
        .Build();

    private static readonly HtmlSanitizer Sanitizer = CreateSanitizer();

    /// <summary>The guide as HTML with its table of contents, or why it cannot be shown.</summary>
    public static (RenderedArticle? Article, GuideProblem? Problem) Render(string markdown, IReadOnlyDictionary<string, object?> variables)
    {
        var (document, problem) = Parse(markdown, variables);
        if (document is null)
        {
            return (null, problem);
        }

        try
        {
            var toc = document.Descendants<HeadingBlock>()
                .Where(h => h.Level is 2 or 3 && h.GetAttributes().Id is not null)
                .Select(h => new TocEntry(h.Level, h.GetAttributes().Id!, PlainText(h.Inline)))
                .ToList();
            return (new RenderedArticle(Sanitizer.Sanitize(document.ToHtml(Pipeline)), toc), null);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return (null, new GuideProblem(1, $"la guida non si può mostrare ({ex.Message})."));
        }
    }

    /// <summary>The words a reader sees, without markup: what search indexes and quotes in its snippets.</summary>
    public static (string? Text, GuideProblem? Problem) ToPlainText(string markdown, IReadOnlyDictionary<string, object?> variables)
    {
        var (source, problem) = Substitute(markdown, variables);
        if (source is null)
        {
            return (null, problem);
        }

        try
        {
            return (System.Text.RegularExpressions.Regex.Replace(Markdown.ToPlainText(source, Pipeline), @"\s+", " ").Trim(), null);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return (null, new GuideProblem(1, $"la guida non si può leggere ({ex.Message})."));
        }
    }

    /// <summary>Why a guide would not render, for refusing it when it is saved or imported; null when it renders.</summary>
    public static GuideProblem? Check(string markdown) => Render(markdown, GuideVariables.Sample).Problem;

    private static (MarkdownDocument? Document, GuideProblem? Problem) Parse(string markdown, IReadOnlyDictionary<string, object?> variables)
    {
        var (source, problem) = Substitute(markdown, variables);
        if (source is null)
        {
            return (null, problem);
        }

        try
        {
            return (Markdown.Parse(source, Pipeline), null);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException)
        {
            return (null, new GuideProblem(1, $"la guida non si può mostrare ({ex.Message})."));
        }
    }

    // Bounds first (Markdig's own limit comes too late), then the tenant's values; the HTML is sanitized later anyway.
    private static (string? Source, GuideProblem? Problem) Substitute(string markdown, IReadOnlyDictionary<string, object?> variables)
    {
        if (GuideText.Check(markdown) is { } structure)
        {
            return (null, structure);
        }

        if (!markdown.Contains("{{", StringComparison.Ordinal) && !markdown.Contains("{%", StringComparison.Ordinal))
        {
            return (markdown, null);
        }

        var (output, problem) = LiquidTemplates.Render(markdown, variables, NullEncoder.Default);
        return problem is null ? (output, null) : (null, new GuideProblem(problem.Line ?? 1, char.ToLowerInvariant(problem.Message[0]) + problem.Message[1..]));
    }

    private static string PlainText(ContainerInline? inline) =>
        inline is null ? string.Empty : string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    private static HtmlSanitizer CreateSanitizer()
    {
        var sanitizer = new HtmlSanitizer();
        sanitizer.AllowedAttributes.Add("id");
        sanitizer.AllowedAttributes.Add("class");
        sanitizer.AllowedSchemes.Clear();
        sanitizer.AllowedSchemes.Add("https");
        sanitizer.AllowedSchemes.Add("http");
        sanitizer.AllowedSchemes.Add("mailto");
        sanitizer.AllowedSchemes.Add("tel");
        return sanitizer;
    }
}
