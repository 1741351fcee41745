using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Sportello.Core.Tenancy;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Pages.Help;

/// <summary>
/// Receives "was this guide helpful?". The guide page is cached for everyone, so its form gets a token by script
/// just before sending; a post without a valid token (no script, expired cookie) is not recorded but shown back
/// here with a fresh token to confirm. Rate-limited per visitor.
/// </summary>
[IgnoreAntiforgeryToken] // validated below, so a refused post can be shown back instead of a bare 400
public sealed class FeedbackModel(HelpCenter help, FeedbackBox box, FeedbackLimiter limiter, IAntiforgery antiforgery, TenantContext tenant) : PageModel
{
    public enum Step
    {
        Form,
        Confirm,
        Thanks,
        TooMany,
    }

    public Article Article { get; private set; } = null!;
    public Category Category { get; private set; } = null!;
    public Step Shown { get; private set; }
    public string? Token { get; private set; }
    public string? Error { get; private set; }

    [BindProperty(Name = "helpful")]
    public bool? Helpful { get; set; }

    [BindProperty(Name = "comment")]
    public string? Comment { get; set; }

    public string Action => Url.Content($"~/help/{Category.Slug}/{Article.Slug}/feedback");
    public string GuideUrl => Url.Content($"~/help/{Category.Slug}/{Article.Slug}");

    public async Task<IActionResult> OnGetAsync(string category, string slug, bool grazie, CancellationToken ct)
    {
        if (!await FindAsync(category, slug, ct))
        {
            return NotFound();
        }

        Shown = grazie ? Step.Thanks : Step.Form;
        Token = antiforgery.GetAndStoreTokens(HttpContext).RequestToken;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string category, string slug, CancellationToken ct)
    {
        if (!await FindAsync(category, slug, ct))
        {
            return NotFound();
        }

        if (!await antiforgery.IsRequestValidAsync(HttpContext))
        {
            return Refused(Step.Confirm, StatusCodes.Status400BadRequest, null);
        }

        if (Helpful is null)
        {
            return Refused(Step.Form, StatusCodes.Status400BadRequest, "Scegli «Sì» oppure «No».");
        }

        if (Comment?.Length > ArticleFeedback.MaxComment)
        {
            return Refused(Step.Form, StatusCodes.Status400BadRequest, $"Il commento può avere al massimo {ArticleFeedback.MaxComment} caratteri.");
        }

        var visitor = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (!limiter.TryAcquire(tenant.Name, visitor))
        {
            return Refused(Step.TooMany, StatusCodes.Status429TooManyRequests, null);
        }

        await box.RecordAsync(Article, Helpful.Value, Comment, ct);
        return RedirectToPage(new { category, slug, grazie = true });
    }

    private PageResult Refused(Step step, int status, string? error)
    {
        Shown = step;
        Error = error;
        Token = antiforgery.GetAndStoreTokens(HttpContext).RequestToken;
        Response.StatusCode = status;
        return Page();
    }

    private async Task<bool> FindAsync(string category, string slug, CancellationToken ct)
    {
        if (await help.FindAsync(category, slug, ct) is { Article: { } article, Category: { } found })
        {
            (Article, Category) = (article, found);
            return true;
        }

        return false;
    }
}
