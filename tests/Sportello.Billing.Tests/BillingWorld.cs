using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using Sportello.Organizations;

namespace Sportello.Billing.Tests;

/// <summary>
/// The demo tenant with Billing on and a small catalog (a yearly service with an agreement price, an exempt service
/// and one started by hand), and fresh companies for each test, so tests of one class never share an organization.
/// </summary>
public sealed partial class BillingWorld(SportelloApp app)
{
    public const string Password = "Billing-Demo-2026";
    public const string Assistance = "assistenza";
    public const string Training = "formazione";
    public const string Exempt = "quota-associativa";
    public const string AgreementCode = "ordine-test";

    public SportelloApp App => app;

    public Task CatalogAsync() => app.RunRecipeAsync("""
        { "name": "t", "steps": [ { "step": "modules", "enable": [ "billing" ] },
          { "step": "catalog", "products": [
            { "code": "assistenza", "type": "billing.servizio", "name": "Assistenza tecnica", "prices": { "1y": 100.00, "2y": 180.00, "1m": 9.99 } },
            { "code": "formazione", "type": "billing.servizio", "name": "Giornata di formazione", "manualActivation": true, "prices": { "one-off": 450.00 } },
            { "code": "quota-associativa", "type": "billing.servizio", "name": "Quota associativa", "vatPercent": 0, "vatNature": "N2.2", "prices": { "1y": 30.00 } } ] } ] }
        """, "demo");

    /// <summary>
    /// A company with its legal representative and a collaborator without rights; optionally a partner or in the test
    /// agreement, a public body instead, or without the recipient code an e-invoice needs.
    /// </summary>
    public async Task<Company> CompanyAsync(string? partner = null, decimal percent = 10m, bool agreement = false, bool publicBody = false, bool recipientCode = true)
    {
        await CatalogAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (owner, collaborator) = ($"lr-{suffix}@example.it", $"collab-{suffix}@example.it");
        var name = $"Azienda {suffix} S.r.l.";
        var partnerJson = partner is null ? string.Empty
            : $$""", "partner": { "status": "Approved", "website": "https://p{{suffix}}.example", "servedAreas": "Napoli", "benefit": "{{partner}}", "percent": {{percent}} }""";
        var identity = publicBody ? $"\"kind\": \"PublicBody\", \"codiceFiscale\": \"{TaxCodes.PartitaIva(suffix)}\"" : $"\"kind\": \"Company\", \"partitaIva\": \"{TaxCodes.PartitaIva(suffix)}\"";
        var code = recipientCode ? $", \"recipientCode\": \"{(publicBody ? "UF7K2Q" : "M5UXCR1")}\"" : string.Empty;
        await app.RunRecipeAsync($$"""
            { "name": "t", "steps": [
              { "step": "users", "users": [
                { "email": "{{owner}}", "displayName": "Titolare {{suffix}}", "password": "{{Password}}", "roles": ["Customer"] },
                { "email": "{{collaborator}}", "displayName": "Collaboratore {{suffix}}", "password": "{{Password}}", "roles": ["Customer"] } ] },
              { "step": "organizations", "organizations": [ { "data": { "legalName": "{{name}}", {{identity}},
                "street": "Via Toledo 156", "cap": "80134", "city": "Napoli", "province": "NA"{{code}} },
                "members": [ { "email": "{{owner}}", "role": "LegalRepresentative" }, { "email": "{{collaborator}}", "role": "Collaborator" } ]{{partnerJson}} } ] } ] }
            """, "demo");
        if (agreement)
        {
            await app.RunRecipeAsync($$"""
                { "name": "t", "steps": [ { "step": "catalog", "products": [], "agreements": [
                  { "code": "{{AgreementCode}}", "name": "Convenzione di prova", "prices": { "assistenza": { "1y": 80.00 } }, "organizations": [ "{{name}}" ] } ] } ] }
                """, "demo");
        }

        var id = await app.InTenantAsync("demo", async sp => (await sp.GetRequiredService<IOrganizationDirectory>().NamedAsync(name)).Single().Id);
        return new Company(id, name, owner, collaborator);
    }

    public Task<T> InDemoAsync<T>(Func<IServiceProvider, Task<T>> work) => app.InTenantAsync("demo", work);

    public Task<PlacedOrder> OrderAsync(Company company, params NewOrderLine[] lines) =>
        InDemoAsync(sp => sp.GetRequiredService<IOrders>().PlaceAsync(new NewOrder(company.Id, OrderKind.FirstPurchase, lines, null)));

    /// <summary>A fresh company's pending order of a year of assistance (122.00 with VAT), its legal representative signed in.</summary>
    public async Task<(Company Company, HttpClient Client, Guid OrderId)> PendingOrderAsync()
    {
        var company = await CompanyAsync();
        var placed = await OrderAsync(company, new NewOrderLine(Assistance, Term.Years(1)));
        var client = app.ClientFor();
        await SignIn.AsAsync(client, "/demo", company.Owner, Password);
        return (company, client, placed.OrderId);
    }

    /// <summary>Makes the order's payment attempts older than the reconciliation's grace, as if their notifications never came.</summary>
    public Task AgeAttemptsAsync(Guid orderId) => InDemoAsync(async sp =>
    {
        var db = sp.GetRequiredService<BillingDbContext>();
        foreach (var attempt in await db.Attempts.Where(a => a.OrderId == orderId).ToListAsync())
        {
            attempt.UpdatedUtc -= TimeSpan.FromMinutes(30);
            attempt.Version++;
        }

        return await db.SaveChangesAsync();
    });

    /// <summary>An operator records a bank transfer of <paramref name="amount"/> for the order, received today.</summary>
    public Task TransferAsync(Guid orderId, decimal amount) => InDemoAsync(async sp =>
    {
        await sp.GetRequiredService<Payments>().RegisterTransferAsync(orderId, amount, DateOnly.FromDateTime(DateTime.UtcNow), "TRN-" + Guid.NewGuid().ToString("N")[..10], "operator", default);
        return true;
    });

    /// <summary>A post of <paramref name="fields"/> from a customer-area page, with its organization and antiforgery token.</summary>
    public static FormUrlEncodedContent Form(string page, params (string Key, string Value)[] fields) => new(
        fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value))
            .Append(new("OrganizationId", OrganizationOf(page)))
            .Append(new("__RequestVerificationToken", SignIn.AntiforgeryToken(page))));

    /// <summary>The organization a page's forms are for (their hidden <c>OrganizationId</c>).</summary>
    public static string OrganizationOf(string page) => OrganizationField().Match(page).Groups[1].Value;

    [GeneratedRegex("name=\"OrganizationId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex OrganizationField();

}

public sealed record Company(Guid Id, string Name, string Owner, string Collaborator);
