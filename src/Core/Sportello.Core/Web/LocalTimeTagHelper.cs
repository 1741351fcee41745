using System.Globalization;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Sportello.Core.Tenancy;

namespace Sportello.Core.Web;

/// <summary>
/// <c>&lt;local-time utc="@entry.WhenUtc" empty="mai" /&gt;</c>: a stored UTC time as a <c>&lt;time&gt;</c> element in the
/// tenant's time zone and the reader's format, with the exact instant in <c>datetime</c>.
/// </summary>
[HtmlTargetElement("local-time", TagStructure = TagStructure.WithoutEndTag)]
public sealed class LocalTimeTagHelper(TenantContext tenant) : TagHelper
{
    public DateTime? Utc { get; set; }

    /// <summary>What to write when there is no time (already localized by the page).</summary>
    public string? Empty { get; set; }

    /// <summary>A .NET date format; "g" (short date and time) by default.</summary>
    public string Format { get; set; } = "g";

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Utc is not { } utc)
        {
            output.TagName = null;
            output.Content.SetContent(Empty ?? string.Empty);
            return;
        }

        output.TagName = "time";
        output.TagMode = TagMode.StartTagAndEndTag;
        var instant = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        output.Attributes.SetAttribute("datetime", instant.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        var shown = tenant.HasTenant ? tenant.Tenant.Local(instant) : instant;
        output.Content.SetContent(shown.ToString(Format, CultureInfo.CurrentCulture));
    }
}
