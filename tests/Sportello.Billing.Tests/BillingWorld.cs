using Sportello.Organizations;

namespace Sportello.Billing.Tests;

/// <summary>
/// The demo tenant with Billing on and a small catalog (a yearly service with an agreement price, an exempt service
/// and one started by hand), and fresh companies for each test, so tests of one class never share an organization.
/// </summary>
public sealed class BillingWorld(SportelloApp app)
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

    /// <summary>A company with its legal representative and a collaborator without rights; optionally a partner or in the test agreement.</summary>
    public async Task<Company> CompanyAsync(string? partner = null, decimal percent = 10m, bool agreement = false)
    {
        await CatalogAsync();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var (owner, collaborator) = ($"lr-{suffix}@example.it", $"collab-{suffix}@example.it");
        var name = $"Azienda {suffix} S.r.l.";
        var partnerJson = partner is null ? string.Empty
            : $$""", "partner": { "status": "Approved", "website": "https://p{{suffix}}.example", "servedAreas": "Napoli", "benefit": "{{partner}}", "percent": {{percent}} }""";
        await app.RunRecipeAsync($$"""
            { "name": "t", "steps": [
              { "step": "users", "users": [
                { "email": "{{owner}}", "displayName": "Titolare {{suffix}}", "password": "{{Password}}", "roles": ["Customer"] },
                { "email": "{{collaborator}}", "displayName": "Collaboratore {{suffix}}", "password": "{{Password}}", "roles": ["Customer"] } ] },
              { "step": "organizations", "organizations": [ { "data": { "legalName": "{{name}}", "kind": "Company", "partitaIva": "{{TaxCodes.PartitaIva(suffix)}}" },
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

}

public sealed record Company(Guid Id, string Name, string Owner, string Collaborator);
