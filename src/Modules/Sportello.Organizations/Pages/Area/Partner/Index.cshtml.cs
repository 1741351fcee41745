using System.Globalization;
using CsvHelper;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sportello.Core.Audit;
using Sportello.Core.Modules;
using Sportello.Core.Tenancy;
using Sportello.Mail;
using Sportello.Organizations.Data;
using Sportello.Organizations.Domain;
using Sportello.Organizations.Mail;

namespace Sportello.Organizations.Pages.Area.Partner;

/// <summary>
/// The partner console: the benefit and the yearly figures, the clients with the products of the areas each lets
/// the partner reach and their expiries, proposals waiting for a client's confirmation, quote requests from the
/// public directory, adding a client, and the clients' billing data as CSV.
/// </summary>
public sealed class IndexModel(
    OrganizationsDbContext db, PartnerClients clients, ProductRights rights, IMailSender mail, TenantLinks links, TenantContext tenant, IAuditLog audit, TimeProvider time)
    : PartnerConsole(db)
{
    public sealed record ClientRow(PartnerClient Relationship, Domain.Organization Client, IReadOnlyList<(string Area, ClientProduct Product)> Products);

    [BindProperty] public LegalData Client { get; set; } = new() { Kind = OrganizationKind.Company };
    [BindProperty] public string? LegalRepresentativeEmail { get; set; }

    public IReadOnlyList<ClientRow> Clients { get; private set; } = [];
    public IReadOnlyList<PartnerClient> Proposals { get; private set; } = [];
    public IReadOnlyList<QuoteRequest> Quotes { get; private set; } = [];
    public IReadOnlyDictionary<string, string> AreaNames { get; private set; } = new Dictionary<string, string>();
    public PartnerFigures? Figures { get; private set; }
    public OrganizationsSettings Settings => tenant.Settings.ModuleSettingsOf<OrganizationsSettings>(OrganizationsModule.ModuleId);

    public async Task<IActionResult> OnGetAsync(string? done, CancellationToken ct)
    {
        if (!await LoadPartnerAsync(ct))
        {
            return NotFound();
        }

        await LoadAsync(ct);
        Message = done switch
        {
            "proposed" => L["Proposta inviata: il cliente diventa tuo quando il suo legale rappresentante conferma."].Value,
            "withdrawn" => L["Proposta ritirata."].Value,
            _ => null,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } refused)
        {
            return refused;
        }

        return await ChangeAsync(async () =>
        {
            var proposal = await clients.ProposeAsync(Membership!.OrganizationId, Client, LegalRepresentativeEmail, UserId, ct);
            var culture = CultureInfo.CurrentUICulture;
            try
            {
                await mail.SendAsync(ClientProposalMail.Key, proposal.Relationship.InviteEmail!, null, new Dictionary<string, object?>
                {
                    ["partner"] = proposal.PartnerName,
                    ["organization"] = proposal.Relationship.ProposedName,
                    ["expires"] = tenant.Tenant.Local(proposal.Relationship.ExpiresUtc!.Value).ToString("d MMMM yyyy, HH:mm", culture),
                    ["link"] = links.To("/area/partner/confirm", [new("token", proposal.Token)]),
                }, culture, ct);
            }
            catch (MailDeliveryException failed)
            {
                Problem = L["La proposta è salvata ma l'e-mail non è partita: {0} Ritirala e proponi di nuovo più tardi.", L[MailDeliveryException.FormatOf(failed.Problem), failed.Server].Value];
                await LoadAsync(ct);
                return Page();
            }

            return RedirectToPage(new { done = "proposed" });
        }, () => LoadAsync(ct), new Dictionary<string, string> { ["Email"] = nameof(LegalRepresentativeEmail) }.Concat(
            typeof(LegalData).GetProperties().Select(p => KeyValuePair.Create(p.Name, "Client." + p.Name))).ToDictionary());
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid relationshipId, CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } refused)
        {
            return refused;
        }

        return await ChangeAsync(async () =>
        {
            await clients.EndAsync(Membership!.OrganizationId, relationshipId, UserId, ct);
            return RedirectToPage(new { done = "withdrawn" });
        }, () => LoadAsync(ct));
    }

    /// <summary>The billing data of the clients that let the partner reach billing, for the partner's own books.</summary>
    public async Task<IActionResult> OnPostExportAsync(CancellationToken ct)
    {
        if (await GuardAsync(ct) is { } refused)
        {
            return refused;
        }

        var rows = await (from c in VisibleClients()
                          join o in Db.Organizations.AsNoTracking() on c.ClientId equals o.Id
                          where c.Access == ClientAccess.Full || c.Billing
                          orderby o.LegalName
                          select o).ToListAsync(ct);
        await audit.RecordAsync(OrganizationAuditActions.Record(OrganizationAuditActions.ClientsExported, (await Db.Organizations.AsNoTracking().SingleAsync(o => o.Id == Membership!.OrganizationId, ct)),
            new Dictionary<string, object?> { ["clients"] = rows.Count }), ct);
        Response.ContentType = "text/csv; charset=utf-8";
        Response.Headers.ContentDisposition = $"attachment; filename=\"clienti-fatturazione-{tenant.Tenant.Today(time):yyyy-MM-dd}.csv\"";
        await using var csv = CsvWriter.Create(Response.Body, AuditCsv.Options, leaveOpen: true);
        csv.WriteHeader(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en"
            ? ["Legal name", "Codice fiscale", "Partita IVA", "Address", "CAP", "City", "Province", "Country", "PEC", "SDI code", "E-mail", "Phone"]
            : ["Ragione sociale", "Codice fiscale", "Partita IVA", "Indirizzo", "CAP", "Comune", "Provincia", "Paese", "PEC", "Codice destinatario", "E-mail", "Telefono"]);
        foreach (var o in rows)
        {
            await csv.WriteRecordAsync([o.LegalName, o.CodiceFiscale ?? "", o.PartitaIva ?? "", o.Street ?? "", o.Cap ?? "", o.City ?? "", o.Province ?? "", o.Country, o.Pec ?? "", o.RecipientCode ?? "", o.ContactEmail ?? "", o.ContactPhone ?? ""], ct);
        }

        await csv.FlushAsync(ct);
        return new EmptyResult();
    }

    private async Task<IActionResult?> GuardAsync(CancellationToken ct)
    {
        if (!await LoadPartnerAsync(ct))
        {
            return NotFound();
        }

        if (!MayManageClients)
        {
            return Forbid();
        }

        if (!PostedForCurrent())
        {
            await LoadAsync(ct);
            return Page();
        }

        return null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var id = Membership!.OrganizationId;
        var areas = rights.Areas;
        AreaNames = areas.ToDictionary(a => a.Key, a => a.Name.ToString());
        var relationships = await (from c in VisibleClients()
                                   join o in Db.Organizations.AsNoTracking() on c.ClientId equals o.Id
                                   orderby o.LegalName
                                   select new { Relationship = c, Client = o }).ToListAsync(ct);
        var sources = HttpContext.RequestServices.GetServices<IClientProductSource>().Where(s => AreaNames.ContainsKey(s.Area)).ToList();
        var rows = new List<ClientRow>();
        foreach (var r in relationships)
        {
            var products = new List<(string, ClientProduct)>();
            foreach (var source in sources.Where(s => r.Relationship.Reaches(s.Area)))
            {
                products.AddRange((await source.ForAsync(r.Client.Id, ct)).Select(p => (source.Area, p)));
            }

            rows.Add(new ClientRow(r.Relationship, r.Client, products.OrderBy(p => p.Item2.Expires ?? DateOnly.MaxValue).ToList()));
        }

        Clients = rows;
        if (MayManageClients)
        {
            var now = time.GetUtcNow().UtcDateTime;
            Proposals = await Db.PartnerClients.AsNoTracking().Where(c => c.PartnerId == id && c.Status == PartnerClientStatus.Pending && c.ExpiresUtc > now).OrderBy(c => c.ExpiresUtc).ToListAsync(ct);
            Quotes = await Db.QuoteRequests.AsNoTracking().Where(q => q.PartnerId == id).OrderByDescending(q => q.ReceivedUtc).Take(20).ToListAsync(ct);
        }

        if (HttpContext.RequestServices.GetRequiredService<Integration<IPartnerRevenue>>().Service is { } revenue)
        {
            Figures = await revenue.ForAsync(id, tenant.Tenant.Today(time).Year, ct);
        }
    }
}
