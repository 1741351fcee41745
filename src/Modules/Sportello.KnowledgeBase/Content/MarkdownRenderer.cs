using Ganss.Xss;
using Markdig;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Sportello.KnowledgeBase.Content;

/// <summary>
/// Turns a guide's Markdown into HTML that is safe to show to customers: tables, numbered steps, "nota" and
/// "attenzione" boxes (<c>::: nota</c> … <c>:::</c>) and heading anchors, then sanitized, so whatever an editor
/// types (script, event handlers, javascript: links) never reaches a customer's browser.
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

    public static RenderedArticle Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        var toc = document.Descendants<HeadingBlock>()
            .Where(h => h.Level is 2 or 3 && h.GetAttributes().Id is not null)
            .Select(h => new TocEntry(h.Level, h.GetAttributes().Id!, PlainText(h.Inline)))
            .ToList();
        var html = document.ToHtml(Pipeline);
        return new RenderedArticle(Sanitizer.Sanitize(html), toc);
    }

    /// <summary>The words a reader sees, without markup: what search indexes and quotes in its snippets.</summary>
    public static string ToPlainText(string markdown) =>
        System.Text.RegularExpressions.Regex.Replace(Markdown.ToPlainText(markdown, Pipeline), @"\s+", " ").Trim();

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
