using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;
using Sportello.Core.Tenancy;
using Sportello.KnowledgeBase.Content;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Pages.Help;

/// <summary>One guide: breadcrumb, table of contents for long guides, body, related guides and support contacts.</summary>
[OutputCache(PolicyName = ArticlePagePolicy.Name)]
public sealed class ArticleModel(HelpCenter help, TenantContext tenant, TenantLinks links) : PageModel
{
    /// <summary>A table of contents helps from this many sections up.</summary>
    private const int TocFrom = 3;

    public Article Article { get; private set; } = null!;
    public Category Category { get; private set; } = null!;
    /// <summary>The body as HTML; null when the guide cannot be rendered (see <see cref="Problem"/>).</summary>
    public RenderedArticle? Rendered { get; private set; }

    public GuideProblem? Problem { get; private set; }

    /// <summary>Editors are told what is wrong with a guide that cannot be shown; readers are not.</summary>
    public bool IsEditor => User.HasClaim(Sportello.Core.Security.PermissionPolicyProvider.ClaimType, KnowledgeBasePermissions.Manage);
    public IReadOnlyList<(Article Article, string CategorySlug)> Related { get; private set; } = [];
    public bool ShowToc => Rendered?.Toc.Count(t => t.Level == 2) >= TocFrom;
    /// <summary>The feedback form as the cached page shows it: no token, no answer yet.</summary>
    public (string Action, string? Token, bool? Helpful, string? Comment) FeedbackForm =>
        (Url.Content($"~/help/{Category.Slug}/{Article.Slug}/feedback"), null, null, null);

    public DateTime Local(DateTime utc) => tenant.Tenant.Local(utc);
    public string CanonicalUrl => links.To($"/help/{Category.Slug}/{Article.Slug}");

    public async Task<IActionResult> OnGetAsync(string category, string slug, CancellationToken ct)
    {
        var found = await help.FindAsync(category, slug, ct);
        if (found is null)
        {
            return NotFound();
        }

        if (found.Article is null)
        {
            return RedirectPermanent(Url.Content($"~/help/{found.RedirectCategory}/{found.RedirectSlug}"));
        }

        Article = found.Article;
        Category = found.Category!;
        (Rendered, Problem) = MarkdownRenderer.Render(Article.Body, GuideVariables.Of(tenant.Tenant));
        Related = await help.RelatedAsync(Article, ct);
        return Page();
    }
}
