using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using Sportello.Core.Tenancy;

namespace Sportello.Billing.Tests;

/// <summary>The back office's billing settings (secrets write-only and protected), incoming money and the revenue report.</summary>
public abstract partial class BillingPageTests
{
    private const string SettingsPage = "/demo/admin/billing/settings";

    [Fact]
    public async Task Billing_settings_refuse_bad_legal_data_by_field_and_keep_provider_keys_protected_and_write_only()
    {
        var admin = await SignedInAsync(SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        var before = await app.InTenantAsync("demo", sp => Task.FromResult(sp.GetRequiredService<TenantContext>().GetModuleSettings<BillingSettings>("billing")));
        var form = Form(before, iban: "IT00X0542811101000000123456", partitaIva: "12345678901", pendingDays: "0");
        var refused = await SignIn.PostFormAsync(admin, SettingsPage, SettingsPage, form);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        foreach (var field in new[] { "Iban", "PartitaIva", "PendingDays" })
        {
            Assert.Matches($"id=\"{field}\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"{field}\"", html);
        }

        // Stripe switched on without its webhook secret would confirm nothing: refused.
        var half = Form(before);
        (half["StripeEnabled"], half["StripeSecretKey"]) = ("true", "sk_test_only_the_key");
        Assert.Contains("segreto di firma", WebUtility.HtmlDecode(await (await SignIn.PostFormAsync(admin, SettingsPage, SettingsPage, half)).Content.ReadAsStringAsync()), StringComparison.Ordinal);

        try
        {
            var good = Form(before);
            (good["StripeSecretKey"], good["StripeWebhookSecret"], good["PendingDays"]) = ("sk_test_sportello_settings", "whsec_sportello_settings", "20");
            Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(admin, SettingsPage, SettingsPage, good)).StatusCode);
            var stored = await app.InTenantAsync("demo", sp => Task.FromResult(JsonSerializer.Serialize(sp.GetRequiredService<TenantContext>().Settings.ModuleSettings["billing"])));
            Assert.DoesNotContain("sk_test_sportello_settings", stored, StringComparison.Ordinal);
            Assert.Contains("protectedSecretKey", stored, StringComparison.Ordinal);
            var page = await admin.GetStringAsync(SettingsPage);
            Assert.DoesNotContain("sk_test_sportello_settings", page, StringComparison.Ordinal);
            Assert.Contains("value=\"20\"", page, StringComparison.Ordinal);
            Assert.Equal("sk_test_sportello_settings", await app.InTenantAsync("demo", sp => Task.FromResult(sp.GetRequiredService<ProviderKeys>().StripeSecretKey)));

            // Saving again with the secret fields empty keeps the keys.
            var again = Form(before);
            again["PendingDays"] = "21";
            Assert.Equal(HttpStatusCode.Redirect, (await SignIn.PostFormAsync(admin, SettingsPage, SettingsPage, again)).StatusCode);
            Assert.Equal("whsec_sportello_settings", await app.InTenantAsync("demo", sp => Task.FromResult(sp.GetRequiredService<ProviderKeys>().StripeWebhookSecret)));
        }
        finally
        {
            await app.InTenantAsync("demo", async sp =>
            {
                var tenant = sp.GetRequiredService<TenantContext>();
                await sp.GetRequiredService<TenantService>().UpdateAsync(tenant.Name, s => s.WithModuleSettings("billing", before));
                return true;
            });
        }
    }

    [Fact]
    public async Task The_payments_page_lists_money_in_and_the_revenue_report_matches_the_invoices_in_chart_table_and_CSV()
    {
        var admin = await SignedInAsync(SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        var payments = await admin.GetStringAsync("/demo/admin/billing/payments");
        Assert.Contains("data-payment=\"DEMO-", payments, StringComparison.Ordinal);

        var (year, total, count) = await app.InTenantAsync("demo", async sp =>
        {
            var invoices = await sp.GetRequiredService<BillingDbContext>().Documents.AsNoTracking().Where(d => d.Kind == DocumentKind.Invoice).ToListAsync();
            var newest = invoices.Max(d => d.IssuedUtc).Year;
            var those = invoices.Where(d => sp.GetRequiredService<TenantContext>().Tenant.Local(d.IssuedUtc).Year == newest).ToList();
            return (newest, those.Sum(d => d.Total), those.Count);
        });
        var report = await admin.GetStringAsync($"/demo/admin/billing/revenue?year={year}");
        Assert.Contains("data-chart=\"revenue\"", report, StringComparison.Ordinal);
        Assert.Equal(12, System.Text.RegularExpressions.Regex.Matches(report, "<rect ").Count);

        var csv = await admin.GetAsync($"/demo/admin/billing/revenue?handler=csv&year={year}");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal("Mese;Fatture;Imponibile;IVA;Totale;Valuta", lines[0]);
        Assert.Equal(13, lines.Length);
        var cells = lines.Skip(1).Select(l => l.Split(';')).ToList();
        Assert.Equal(count, cells.Sum(c => int.Parse(c[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(total, cells.Sum(c => decimal.Parse(c[4], System.Globalization.CultureInfo.GetCultureInfo("it-IT"))));
    }

    private static Dictionary<string, string> Form(BillingSettings current, string? iban = null, string? partitaIva = null, string? pendingDays = null) => new()
    {
        ["PendingDays"] = pendingDays ?? current.PendingDays.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RenewalWindowMonths"] = current.RenewalWindowMonths.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["LegalName"] = current.Profile.LegalName,
        ["PartitaIva"] = partitaIva ?? current.Profile.PartitaIva,
        ["Address"] = current.Profile.Address,
        ["Rea"] = current.Profile.Rea,
        ["Iban"] = iban ?? current.Profile.Iban,
        ["RegimeFiscale"] = current.Profile.RegimeFiscale,
        ["StripeEnabled"] = "false",
        ["PayPalEnabled"] = "false",
    };
}
