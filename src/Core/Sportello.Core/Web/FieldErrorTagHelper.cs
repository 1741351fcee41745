using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Sportello.Core.Validation;

namespace Sportello.Core.Web;

/// <summary>
/// <c>&lt;input asp-for="Email" field-errors="Model.Errors" /&gt;</c>: when the form refused that field, marks it
/// invalid, points it at its message and writes the message right after it, so a screen reader reads it with the field.
/// </summary>
[HtmlTargetElement("input", Attributes = ErrorsAttribute)]
[HtmlTargetElement("select", Attributes = ErrorsAttribute)]
[HtmlTargetElement("textarea", Attributes = ErrorsAttribute)]
public sealed class FieldErrorTagHelper : TagHelper
{
    public const string ErrorsAttribute = "field-errors";

    [HtmlAttributeName("asp-for")]
    public ModelExpression? For { get; set; }

    [HtmlAttributeName(ErrorsAttribute)]
    public FieldErrors? Errors { get; set; }

    /// <summary>The field's name when the element has no <c>asp-for</c>.</summary>
    [HtmlAttributeName("field-name")]
    public string? Name { get; set; }

    // After the framework's input tag helpers, which write the id this one refers to.
    public override int Order => 1000;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        var field = Name ?? For?.Name;
        var messages = field is null || Errors is null ? [] : Errors.For(field).ToList();
        if (messages.Count == 0)
        {
            return;
        }

        var id = output.Attributes.TryGetAttribute("id", out var idAttribute) ? idAttribute.Value?.ToString() : field!.Replace('.', '_');
        var errorId = id + "-error";
        var describedBy = output.Attributes.TryGetAttribute("aria-describedby", out var existing) ? $"{existing.Value} {errorId}" : errorId;
        output.Attributes.SetAttribute("aria-invalid", "true");
        output.Attributes.SetAttribute("aria-describedby", describedBy);
        output.PostElement.AppendHtml($"<p id=\"{HtmlEncoder.Default.Encode(errorId)}\" class=\"field-error\">{HtmlEncoder.Default.Encode(string.Join(" ", messages))}</p>");
    }
}
