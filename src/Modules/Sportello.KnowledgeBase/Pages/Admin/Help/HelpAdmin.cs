using Sportello.Core.Security;
using Microsoft.AspNetCore.Mvc.Rendering;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Pages.Admin.Help;

/// <summary>What the back-office pages of the help centre share: status names, the category tree, the editor's name.</summary>
public static class HelpAdmin
{
    /// <summary>The Italian label of a status (a localizer key).</summary>
    public static string StatusLabel(ArticleStatus status) => status switch
    {
        ArticleStatus.Draft => "Bozza",
        ArticleStatus.Published => "Pubblicata",
        ArticleStatus.Archived => "Archiviata",
        _ => status.ToString(),
    };

    /// <summary>Categories in tree order: each top-level category followed by its children; depth 0 or 1.</summary>
    public static List<(Category Category, int Depth)> Tree(IReadOnlyList<Category> categories)
    {
        var ordered = categories.OrderBy(c => c.Order).ThenBy(c => c.Title, StringComparer.CurrentCulture).ToList();
        var children = ordered.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value);
        var ids = ordered.Select(c => c.Id).ToHashSet();
        var tree = new List<(Category, int)>();
        // A child whose parent vanished still shows, at the top level, so nothing gets lost.
        foreach (var top in ordered.Where(c => c.ParentId is null || !ids.Contains(c.ParentId.Value)))
        {
            tree.Add((top, 0));
            tree.AddRange(children[top.Id].Select(c => (c, 1)));
        }

        return tree;
    }

    /// <summary>Options for a category select, children indented under their parent.</summary>
    public static List<SelectListItem> CategoryOptions(IReadOnlyList<Category> categories, int? selected) =>
        Tree(categories).Select(t => new SelectListItem(
            (t.Depth > 0 ? "\u00a0\u00a0\u00a0\u00a0– " : string.Empty) + t.Category.Title,
            t.Category.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            t.Category.Id == selected)).ToList();

    /// <summary>A guide's HTML for the editor's previews; a body that cannot be rendered shows the reason instead.</summary>
    public static string Preview(string body, IReadOnlyDictionary<string, object?> variables) =>
        Content.MarkdownRenderer.Render(body, variables) switch
        {
            ({ } article, _) => article.Html,
            (_, var problem) => $"<p class=\"alert\" role=\"alert\">{System.Net.WebUtility.HtmlEncode(problem!.ToString())}</p>",
        };

    /// <summary>The name revisions are signed with: the user's display name, else the sign-in name.</summary>
    public static string Author(System.Security.Claims.ClaimsPrincipal user) =>
        user.DisplayName() ?? string.Empty;
}
