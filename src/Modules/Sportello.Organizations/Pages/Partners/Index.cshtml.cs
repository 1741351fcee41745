using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Sportello.Core.Audit;
using Sportello.Core.Security;
using Sportello.Core.Validation;
using Sportello.Mail;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;
using Sportello.Organizations.Mail;

namespace Sportello.Organizations.Pages.Partners;

/// <summary>
/// The public directory of the tenant's partners that chose to be listed (name, city, website, where they work), and
/// a form that asks one of them for a quote: kept for the partner's console and sent to its contacts.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimits.Guarded)]
public sealed class IndexModel(OrganizationsDbContext db, IOrganizationDirectory directory, IMailSender mail, IAuditLog audit, TimeProvider time,
    ILogger<IndexModel> logger, IStringLocalizer<OrganizationsStrings> L) : PageModel
{
    public sealed record Listing(Guid Id, string Name, string? City, string? Province, string Website, string ServedAreas);

    [BindProperty] public Guid PartnerId { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? Email { get; set; }
    [BindProperty] public string? Phone { get; set; }
    [BindProperty] public string? Text { get; set; }

    public IReadOnlyList<Listing> Listed { get; private set; } = [];
    public FieldErrors Errors { get; } = new();
    public string? Message { get; private set; }

    public async Task OnGetAsync(bool sent, CancellationToken ct)
    {
        Listed = await ListedAsync(ct);
        Message = sent ? L["Richiesta inviata: il partner ti risponderà all'indirizzo che hai scritto."].Value : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Listed = await ListedAsync(ct);
        var partner = Listed.FirstOrDefault(p => p.Id == PartnerId);
        if (partner is null)
        {
            Errors.Add(nameof(PartnerId), L["Scegli un partner dell'elenco."]);
        }

        if (string.IsNullOrWhiteSpace(Name) || Name.Trim().Length > 200)
        {
            Errors.Add(nameof(Name), L["Scrivi il tuo nome (al massimo 200 caratteri)."]);
        }

        var email = EmailAddress.Validate(Email);
        if (!email.Valid)
        {
            Errors.Add(nameof(Email), email.Message!);
        }

        var phone = string.IsNullOrWhiteSpace(Phone) ? null : PhoneNumber.Validate(Phone);
        if (phone is { Valid: false })
        {
            Errors.Add(nameof(Phone), phone.Message!);
        }

        if (string.IsNullOrWhiteSpace(Text) || Text.Trim().Length > 2000)
        {
            Errors.Add(nameof(Text), L["Scrivi di cosa hai bisogno (al massimo 2000 caratteri)."]);
        }

        if (Errors.Count > 0)
        {
            return Page();
        }

        var request = new QuoteRequest
        {
            Id = Guid.CreateVersion7(), PartnerId = partner!.Id, Name = Name!.Trim(), Email = email.Normalized, Phone = phone?.Normalized, Message = Text!.Trim(),
            ReceivedUtc = time.GetUtcNow().UtcDateTime,
        };
        db.QuoteRequests.Add(request);
        var organization = await db.Organizations.SingleAsync(o => o.Id == partner.Id, ct);
        audit.Add(db, OrganizationAuditActions.Record(OrganizationAuditActions.QuoteRequested, organization,
            new Dictionary<string, object?> { ["from"] = request.Email }) with { Actor = (request.Email, request.Name) });
        await db.SaveChangesAsync(ct);

        // The request is kept whatever the mail server does: the partner also reads it in the console.
        var values = new Dictionary<string, object?> { ["partner"] = organization.LegalName, ["name"] = request.Name, ["email"] = request.Email, ["phone"] = request.Phone, ["message"] = request.Message };
        foreach (var contact in await directory.ContactsAsync(partner.Id, ContactPurpose.TechnicalNotices, ct))
        {
            try
            {
                await mail.SendAsync(QuoteRequestMail.Key, contact.Email, contact.DisplayName, values, CultureInfo.GetCultureInfo(organization.Language), ct);
            }
            catch (MailDeliveryException failed)
            {
                logger.LogWarning(failed, "Quote request {Request} could not be mailed to partner {Partner}", request.Id, partner.Id);
            }
        }

        return RedirectToPage(new { sent = true });
    }

    private Task<List<Listing>> ListedAsync(CancellationToken ct) =>
        (from p in db.Partners.AsNoTracking()
         join o in db.Organizations.AsNoTracking() on p.OrganizationId equals o.Id
         where p.Status == PartnerStatus.Approved && p.Listed
         orderby o.LegalName
         select new Listing(o.Id, o.LegalName, o.City, o.Province, p.Website, p.ServedAreas)).ToListAsync(ct);
}
