using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Sportello.Bench.TenantScale;
using Sportello.Billing;
using Sportello.Billing.Data;
using Sportello.Billing.Domain;
using Sportello.Billing.FatturaPa;
using Sportello.Billing.Pdf;
using Sportello.Core.Tenancy;
using Sportello.Organizations;

namespace Sportello.Bench.Billing;

/// <summary>Runs the billing benchmark on the demo tenant of a fresh App_Data and prints its figures.</summary>
internal sealed partial class Orchestrator(int orders, int connections, int seconds)
{
    private const string Tenant = "demo";
    private const int Port = 5331;
    private const string Customer = "cliente@fiducia-demo.example";
    private const string CustomerPassword = "Cliente-Demo-2026";
    private const string Organization = "Esposito Consulenze S.r.l.";

    public async Task<int> RunAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), "sportello-billing-bench-" + Guid.NewGuid().ToString("N")[..8]);
        Console.WriteLine($"Sportello billing benchmark ({orders} orders of one organization, {connections} connections, {seconds} s per run, load: {Load.Tool}, {Environment.ProcessorCount} cores)");
        var lines = new List<string>();
        try
        {
            await using var app = BenchHost.Build(Path.Combine(root, "data"), Port, new Dictionary<string, string?>
            {
                // The product's first run: the demo tenant from recipes/, with its catalog, customers and documents.
                ["Sportello:Recipes:ProvisionOnFirstRun"] = "true",
                [$"Billing:Providers:Tenants:{Tenant}:StripeSecretKey"] = "sk_test_sportello_bench",
                [$"Billing:Providers:Tenants:{Tenant}:StripeWebhookSecret"] = StripeEvents.WebhookSecret,
            });
            await app.StartAsync();

            lines.AddRange(await PdfsAsync(app.Services));
            lines.Add(await EInvoicesAsync(app.Services));
            var (organizationId, placed) = await PlaceAsync(app.Services);
            lines.Add(placed);
            lines.AddRange(await WebhooksAsync(app.Services, organizationId));
            lines.Add(await OrderListAsync());
            await app.StopAsync();
        }
        finally
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
        }

        Console.WriteLine();
        lines.ForEach(Console.WriteLine);
        return 0;
    }

    /// <summary>An issued invoice of the demo drawn again and again, on one thread and on every core; the floor is an empty PDFsharp page.</summary>
    private static async Task<IEnumerable<string>> PdfsAsync(IServiceProvider services)
    {
        var document = await InDemoAsync(services, sp => sp.GetRequiredService<BillingDbContext>().Documents.AsNoTracking()
            .Where(d => d.Kind == DocumentKind.Invoice).OrderByDescending(d => d.Total).FirstAsync());
        var content = Documents.Read(document);
        var bytes = DocumentPdf.Render(content).Length;
        var one = Rate(1, () => DocumentPdf.Render(content));
        var all = Rate(Environment.ProcessorCount, () => DocumentPdf.Render(content));
        var floor = Rate(1, EmptyPage);
        return
        [
            $"Invoice PDF ({content.Lines.Count} lines, {bytes / 1024.0:F1} KB, fonts embedded): {one:F0} PDFs/s on 1 thread, {all:F0} PDFs/s on {Environment.ProcessorCount} threads; "
                + $"baseline, an empty PDFsharp page with one line of text: {floor:F0} PDFs/s on 1 thread",
        ];
    }

    /// <summary>
    /// The same invoice written as FatturaPA and checked (official schema and the exchange system's common checks), as
    /// each invoice is before it is stored; the baseline is writing it without the checks.
    /// </summary>
    private static async Task<string> EInvoicesAsync(IServiceProvider services)
    {
        var document = await InDemoAsync(services, sp => sp.GetRequiredService<BillingDbContext>().Documents.AsNoTracking()
            .Where(d => d.Kind == DocumentKind.Invoice).OrderByDescending(d => d.Total).FirstAsync());
        var content = Documents.Read(document);
        var today = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(1);
        var sequence = 0L;
        byte[] Checked()
        {
            var file = FatturaPaWriter.Write(content, Interlocked.Increment(ref sequence));
            if (EInvoicing.Check(file.Xml, today) is { Count: > 0 } problems)
            {
                throw new InvalidOperationException(string.Join("; ", problems));
            }

            return [];
        }

        var one = Rate(1, Checked);
        var all = Rate(Environment.ProcessorCount, Checked);
        var written = Rate(1, () => { FatturaPaWriter.Write(content, Interlocked.Increment(ref sequence)).Xml.ToString(); return []; });
        return $"FatturaPA documents ({content.Lines.Count} lines) written and validated: {one:F0}/s on 1 thread, {all:F0}/s on {Environment.ProcessorCount} threads; "
            + $"baseline, written without the checks: {written:F0}/s on 1 thread";
    }

    private static byte[] EmptyPage()
    {
        using var pdf = new PdfDocument();
        var page = pdf.AddPage();
        using (var gfx = XGraphics.FromPdfPage(page))
        {
            gfx.DrawString("Sportello", new XFont("Lato", 10), XBrushes.Black, 40, 40);
        }

        using var output = new MemoryStream();
        pdf.Save(output, false);
        return output.ToArray();
    }

    private static double Rate(int threads, Func<byte[]> render)
    {
        // A second of warm-up, so tiered compilation has settled before the first measured run.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(1))
        {
            render();
        }

        var done = 0;
        var clock = Stopwatch.StartNew();
        Parallel.For(0, threads, _ =>
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(3))
            {
                render();
                Interlocked.Increment(ref done);
            }
        });
        return done / clock.Elapsed.TotalSeconds;
    }

    private async Task<(Guid OrganizationId, string Line)> PlaceAsync(IServiceProvider services)
    {
        var organizationId = await InDemoAsync(services, async sp => (await sp.GetRequiredService<IOrganizationDirectory>().NamedAsync(Organization)).First().Id);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < orders; i++)
        {
            await InDemoAsync(services, sp => sp.GetRequiredService<IOrders>()
                .PlaceAsync(new NewOrder(organizationId, OrderKind.FirstPurchase, [new NewOrderLine("assistenza-prioritaria", Term.Monthly)], null)));
        }

        return (organizationId, $"Orders placed through IOrders (each numbered and with its pro-forma, one at a time): {orders / clock.Elapsed.TotalSeconds:F0} orders/s");
    }

    /// <summary>
    /// Every order given an open Stripe attempt, then each attempt's <c>checkout.session.completed</c> delivered twice
    /// (the same event id: Stripe retries), <paramref name="connections"/> deliveries at a time over HTTP.
    /// </summary>
    private async Task<IEnumerable<string>> WebhooksAsync(IServiceProvider services, Guid organizationId)
    {
        var events = await InDemoAsync(services, async sp =>
        {
            var db = sp.GetRequiredService<BillingDbContext>();
            var pending = await db.Orders.AsNoTracking().Where(o => o.OrganizationId == organizationId && o.Status == OrderStatus.PendingPayment && o.Kind == OrderKind.FirstPurchase)
                .OrderByDescending(o => o.Number).Take(orders).ToListAsync();
            var now = DateTime.UtcNow;
            var made = new List<(string Json, string Signature)>();
            foreach (var order in pending)
            {
                var attempt = new PaymentAttempt
                {
                    OrderId = order.Id, OrganizationId = order.OrganizationId, OrderNumber = order.Number, Sequence = 1, Provider = PaymentProvider.Stripe,
                    Method = PaymentMethod.Card, Amount = order.Total, Currency = order.Currency, Status = AttemptStatus.Open,
                    ProviderReference = "cs_bench_" + order.Id.ToString("N"), StartedUtc = now, UpdatedUtc = now,
                };
                db.Attempts.Add(attempt);
                made.Add(StripeEvents.SessionCompleted(attempt.Id, attempt.ProviderReference, (long)(order.Total * 100), order.Currency.ToLowerInvariant()));
            }

            await db.SaveChangesAsync();
            return made;
        });
        var deliveries = events.Concat(events).OrderBy(_ => Random.Shared.Next()).ToList();
        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = connections }) { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
        var failures = 0;
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(deliveries, new ParallelOptions { MaxDegreeOfParallelism = connections }, async (delivery, ct) =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/{Tenant}/api/billing/webhooks/stripe") { Content = new StringContent(delivery.Json, Encoding.UTF8, "application/json") };
            request.Headers.Add("Stripe-Signature", delivery.Signature);
            using var answer = await client.SendAsync(request, ct);
            if (answer.StatusCode != HttpStatusCode.OK)
            {
                Interlocked.Increment(ref failures);
            }
        });
        var elapsed = clock.Elapsed.TotalSeconds;

        var (paid, payments, duplicates, invoices, gaps) = await InDemoAsync(services, async sp =>
        {
            var db = sp.GetRequiredService<BillingDbContext>();
            var attempted = db.Attempts.Where(a => a.ProviderReference!.StartsWith("cs_bench_")).Select(a => a.OrderId);
            var cardPayments = await db.Payments.AsNoTracking().Where(p => attempted.Contains(p.OrderId)).Select(p => p.OrderId).ToListAsync();
            var numbers = await db.Documents.AsNoTracking().Where(d => d.Kind == DocumentKind.Invoice && attempted.Contains(d.OrderId)).Select(d => d.Number).ToListAsync();
            var sequences = numbers.Select(n => DocumentNumber.Parse(n)!.Value.Sequence).Order().ToList();
            return (await db.Orders.CountAsync(o => attempted.Contains(o.Id) && o.PaidUtc != null), cardPayments.Count,
                cardPayments.Count - cardPayments.Distinct().Count(), numbers.Count, sequences.Count == 0 ? 0 : (int)(sequences[^1] - sequences[0] + 1 - sequences.Count));
        });
        if (failures > 0 || paid != events.Count || payments != events.Count || duplicates != 0 || invoices != events.Count || gaps != 0)
        {
            throw new InvalidOperationException($"Webhook run checked wrong: {failures} failed deliveries, {paid} of {events.Count} orders paid, {payments} payments ({duplicates} duplicates), {invoices} invoices, {gaps} gaps in their numbers.");
        }

        return
        [
            $"Order to paid through the Stripe webhook ({events.Count} orders, each event delivered twice, {connections} at a time): "
                + $"{deliveries.Count / elapsed:F0} deliveries/s, {events.Count / elapsed:F0} orders paid/s (payment, invoice, services, outbox in one transaction each); "
                + $"checked: {paid} orders paid, {payments} payments, {duplicates} duplicates, {invoices} invoices with consecutive numbers",
        ];
    }

    /// <summary>The customer's order list (the newest page of this organization's orders) against the bare endpoint, in the same process.</summary>
    private async Task<string> OrderListAsync()
    {
        var cookie = await SignInAsync();
        var path = $"/{Tenant}/area/orders";
        using (var check = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }))
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"http://127.0.0.1:{Port}{path}") { Headers = { { "Cookie", cookie } } };
            using var answer = await check.SendAsync(request);
            var html = await answer.Content.ReadAsStringAsync();
            if (answer.StatusCode != HttpStatusCode.OK || !html.Contains("rel=\"next\"", StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"{path} answered {(int)answer.StatusCode} without a next page: not the signed-in list of {orders} orders.");
            }
        }

        await Load.FixedPathAsync(Port, "/bare", 2, connections);
        await Load.FixedPathAsync(Port, path, 2, connections, cookie);
        var bare = await Load.FixedPathAsync(Port, "/bare", seconds, connections);
        var list = await Load.FixedPathAsync(Port, path, seconds, connections, cookie);
        return $"Customer's order list ({path}, {orders}+ orders of the organization, 25 a page, signed in; {connections} connections, {seconds} s each): "
            + $"bare endpoint {bare.RequestsPerSecond:F0} req/s, order list {list.RequestsPerSecond:F0} req/s = {100 * list.RequestsPerSecond / bare.RequestsPerSecond:F1}% of bare "
            + $"(list p50 {list.P50Ms:F2} ms, p99 {list.P99Ms:F2} ms)";
    }

    private static async Task<string> SignInAsync()
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri($"http://127.0.0.1:{Port}") };
        var page = await client.GetStringAsync($"/{Tenant}/account/login");
        var response = await client.PostAsync($"/{Tenant}/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = Customer, ["Password"] = CustomerPassword, ["__RequestVerificationToken"] = Token().Match(page).Groups[1].Value,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as the demo customer answered {(int)response.StatusCode}.");
        }

        return cookies.GetCookieHeader(new Uri(client.BaseAddress!, $"/{Tenant}/area"));
    }

    private static async Task<T> InDemoAsync<T>(IServiceProvider services, Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(services.GetRequiredService<TenantRegistry>().Find(Tenant)!);
        return await work(scope.ServiceProvider);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
