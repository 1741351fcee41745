using System.Net;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Tests;

public abstract class AdminEditorTests(StoreKind kind) : ProviderTests(kind)
{
    private async Task<HttpClient> AdminAsync()
    {
        var client = App.ClientFor();
        await SignIn.AsAsync(client, "/demo", SignIn.DemoAdmin, SignIn.DemoAdminPassword);
        return client;
    }


    private static async Task<string> HtmlAsync(HttpResponseMessage response) => WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    private static async Task<string> PageAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await HtmlAsync(response);
    }

    private Task<int> CategoryIdAsync(string slug) => App.InTenantAsync("demo", sp =>
        sp.GetRequiredService<KnowledgeBaseDbContext>().Categories.Where(c => c.Slug == slug).Select(c => c.Id).SingleAsync());

    private Task<Article> ArticleAsync(string slug) => App.InTenantAsync("demo", sp =>
        sp.GetRequiredService<KnowledgeBaseDbContext>().Articles.AsNoTracking().SingleAsync(a => a.Slug == slug));

    private static Dictionary<string, string> Form(string title, string slug, int categoryId, string body, string related = "") => new()
    {
        ["Title"] = title,
        ["Slug"] = slug,
        ["CategoryId"] = categoryId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Summary"] = "Un sommario di prova.",
        ["Tags"] = "Prova, SPID",
        ["Related"] = related,
        ["Body"] = body,
    };

    [Fact]
    public async Task The_list_shows_every_guide_with_filters_and_links()
    {
        var admin = await AdminAsync();

        var all = await PageAsync(admin, "/demo/admin/help");
        Assert.Equal(40, Regex.Matches(all, "<tr data-slug=").Count);
        Assert.Contains("href=\"/demo/admin/help/new\"", all);
        Assert.Contains("href=\"/demo/admin/help/categories\"", all);
        Assert.Contains("href=\"/demo/admin/help/feedback\"", all);
        Assert.Contains("Ricostruisci l'indice di ricerca", all);
        Assert.Contains("href=\"/demo/admin/help?handler=Export\"", all);
        Assert.Contains("scope=\"col\"", all);

        var drafts = await PageAsync(admin, "/demo/admin/help?status=Draft");
        Assert.Contains("data-slug=\"trasferire-servizi-organizzazione\"", drafts);
        Assert.DoesNotContain("data-slug=\"rinnovare-identita-spid\"", drafts);

        var found = await PageAsync(admin, $"/demo/admin/help?q=RINNOVARE&category={await CategoryIdAsync("spid")}");
        Assert.Contains("data-slug=\"rinnovare-identita-spid\"", found);
        Assert.DoesNotContain("data-slug=\"trasferire-servizi-organizzazione\"", found);
    }

    [Fact]
    public async Task Rebuilding_the_index_from_the_back_office_keeps_search_answering_until_it_is_back()
    {
        var admin = await AdminAsync();

        var response = await SignIn.PostFormAsync(admin, "/demo/admin/help", "/demo/admin/help?handler=Rebuild", []);
        var html = await PageAsync(admin, response.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Ricostruzione dell'indice avviata", html);
        var watch = System.Diagnostics.Stopwatch.StartNew();
        string results;
        do
        {
            results = await PageAsync(App.ClientFor(), "/demo/help/search?q=rinnovi");
            Assert.Contains("rinnovare-identita-spid", results);
        }
        while (!results.Contains("data-source=\"index\"") && watch.Elapsed < TimeSpan.FromSeconds(20));

        Assert.Contains("data-source=\"index\"", results);
        var anonymous = await App.ClientFor().PostAsync("/demo/admin/help?handler=Rebuild", new FormUrlEncodedContent([]));
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_back_office_speaks_english_when_chosen()
    {
        var admin = await AdminAsync();
        var list = await PageAsync(admin, "/demo/admin/help?culture=en-GB");
        Assert.Contains(">New guide</a>", list);
        Assert.Contains(">Readers' ratings</a>", list);
        Assert.Contains(">Published</span>", list);

        var editor = await PageAsync(admin, "/demo/admin/help/new?culture=en-GB");
        Assert.Contains(">Text (Markdown)</label>", editor);
        Assert.Contains(">Publish</button>", editor);
        Assert.Contains(">Category tree</caption>", await PageAsync(admin, "/demo/admin/help/categories?culture=en-GB"));
        Assert.Contains(">Helpfulness by guide</caption>", await PageAsync(admin, "/demo/admin/help/feedback?culture=en-GB"));
    }

    [Fact]
    public async Task A_new_draft_is_hidden_until_published_and_a_new_slug_answers_301_from_the_old_one()
    {
        var admin = await AdminAsync();
        var spid = await CategoryIdAsync("spid");
        var editor = await PageAsync(admin, "/demo/admin/help/new");
        Assert.Contains("data-preview-url=\"/demo/admin/help/new?handler=Preview\"", editor);
        Assert.Contains("/_content/Sportello.KnowledgeBase/kb-admin.js", editor);
        Assert.Contains("<label for=\"Body\">", editor);

        var created = await SignIn.PostFormAsync(admin, "/demo/admin/help/new", "/demo/admin/help/new?handler=Save",
            Form("Guida di prova", "guida-di-prova", spid, "## Primo passo\n\nApri l'app di prova."));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var location = created.Headers.Location!.OriginalString;
        Assert.Matches("^/demo/admin/help/[0-9a-f-]{36}\\?done=created$", location);
        var edit = location[..location.IndexOf('?')];

        var page = await PageAsync(admin, location);
        Assert.Contains("Guida creata come bozza.", page);
        Assert.Contains("Bozza", page);
        Assert.DoesNotContain("Vedi sul sito", page);
        var article = await ArticleAsync("guida-di-prova");
        Assert.Equal((ArticleStatus.Draft, 1, "Giulia Ferri"), (article.Status, article.Revision, article.Author));
        Assert.Equal("prova,spid", article.Tags);
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor().GetAsync("/demo/help/spid/guida-di-prova")).StatusCode);

        var published = await SignIn.PostFormAsync(admin, edit, edit + "?handler=Publish", Form("Guida di prova", "guida-di-prova", spid, "## Primo passo\n\nApri l'app di prova."));
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var after = await PageAsync(admin, published.Headers.Location!.OriginalString);
        Assert.Contains("Guida pubblicata.", after);
        Assert.Contains("href=\"/demo/help/spid/guida-di-prova\"", after);
        Assert.Equal(1, (await ArticleAsync("guida-di-prova")).Revision); // status only: no new revision
        Assert.Contains("Apri l'app di prova.", await PageAsync(App.ClientFor(), "/demo/help/spid/guida-di-prova"));

        var renamed = await SignIn.PostFormAsync(admin, edit, edit + "?handler=Save", Form("Guida di prova", "guida-rinominata", spid, "## Primo passo\n\nApri l'app di prova."));
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        var old = await App.ClientFor().GetAsync("/demo/help/spid/guida-di-prova");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/demo/help/spid/guida-rinominata", old.Headers.Location!.OriginalString);
        Assert.Equal(ArticleStatus.Published, (await ArticleAsync("guida-rinominata")).Status);

        var withdrawn = await SignIn.PostFormAsync(admin, edit, edit + "?handler=Withdraw", Form("Guida di prova", "guida-rinominata", spid, "## Primo passo\n\nApri l'app di prova."));
        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await App.ClientFor().GetAsync("/demo/help/spid/guida-rinominata")).StatusCode);
    }

    [Fact]
    public async Task A_validation_problem_is_shown_next_to_its_field_and_in_the_summary()
    {
        var admin = await AdminAsync();
        var response = await SignIn.PostFormAsync(admin, "/demo/admin/help/new", "/demo/admin/help/new?handler=Save",
            Form("Un doppione", "rinnovare-identita-spid", await CategoryIdAsync("spid"), "Testo", related: "guida-che-non-esiste"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await HtmlAsync(response);
        Assert.Contains("role=\"alert\"", html);
        Assert.Contains("<a href=\"#Slug\">Lo slug 'rinnovare-identita-spid' è già usato da un'altra guida.</a>", html);
        Assert.Matches("<input[^>]*aria-describedby=\"Slug-hint Slug-error\"[^>]*id=\"Slug\"|<input[^>]*id=\"Slug\"[^>]*aria-describedby=\"Slug-hint Slug-error\"", html);
        Assert.Contains("<p id=\"Slug-error\" class=\"field-error\">Lo slug 'rinnovare-identita-spid' è già usato da un'altra guida.</p>", html);
        Assert.Contains("<p id=\"Related-error\" class=\"field-error\">La guida correlata 'guida-che-non-esiste' non esiste.</p>", html);
        Assert.Contains("value=\"Un doppione\"", html); // what was typed is kept
        Assert.Equal(40, await App.InTenantAsync("demo", sp => sp.GetRequiredService<KnowledgeBaseDbContext>().Articles.CountAsync()));
    }

    [Fact]
    public async Task Restoring_a_revision_brings_back_its_text_as_a_new_revision()
    {
        var admin = await AdminAsync();
        var original = await ArticleAsync("creare-account");
        var edit = $"/demo/admin/help/{original.Id}";
        var saved = await SignIn.PostFormAsync(admin, edit, edit + "?handler=Save",
            Form(original.Title, original.Slug, original.CategoryId, "Testo riscritto da capo."));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal(2, (await ArticleAsync("creare-account")).Revision);

        var list = await PageAsync(admin, edit + "/revisions");
        Assert.Contains("Revisioni di " + original.Title, list);
        Assert.Contains("?number=1", list);
        Assert.Contains("?number=2", list);
        var first = await PageAsync(admin, edit + "/revisions?number=1");
        Assert.Contains("Revisione 1: " + original.Title, first);
        Assert.DoesNotContain("Testo riscritto da capo.", first);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(edit + "/revisions?number=99")).StatusCode);

        var restored = await SignIn.PostFormAsync(admin, edit + "/revisions", edit + "/revisions?number=1&handler=Restore", []);
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Contains("Revisione ripristinata: è diventata la revisione 3.", await PageAsync(admin, restored.Headers.Location!.OriginalString));

        var now = await ArticleAsync("creare-account");
        Assert.Equal(3, now.Revision);
        Assert.Equal(original.Body, now.Body);
        var count = await App.InTenantAsync("demo", sp => sp.GetRequiredService<KnowledgeBaseDbContext>().Revisions.CountAsync(r => r.ArticleId == original.Id));
        Assert.Equal(3, count);
    }

    [Fact]
    public async Task The_preview_handler_returns_sanitized_html()
    {
        var admin = await AdminAsync();
        var token = SignIn.AntiforgeryToken(await admin.GetStringAsync("/demo/admin/help/new"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/demo/admin/help/new?handler=Preview")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Body"] = "## Titolo\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) e **grassetto**",
            }),
        };
        request.Headers.Add("RequestVerificationToken", token);
        var response = await admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<h2 id=\"titolo\">Titolo</h2>", html);
        Assert.Contains("<strong>grassetto</strong>", html);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<html", html, StringComparison.OrdinalIgnoreCase); // a fragment, not a page

        // Without JavaScript the "Anteprima" button renders the whole page with the preview filled in.
        var page = await HtmlAsync(await SignIn.PostFormAsync(admin, "/demo/admin/help/new", "/demo/admin/help/new?handler=ShowPreview",
            Form("Anteprima", "anteprima", 0, "Solo **una prova**")));
        Assert.Contains("<strong>una prova</strong>", page);
        Assert.Equal(40, await App.InTenantAsync("demo", sp => sp.GetRequiredService<KnowledgeBaseDbContext>().Articles.CountAsync()));
    }

    [Fact]
    public async Task Categories_are_created_and_one_holding_guides_is_not_deleted()
    {
        var admin = await AdminAsync();
        var created = await SignIn.PostFormAsync(admin, "/demo/admin/help/categories", "/demo/admin/help/categories?handler=Save", new()
        {
            ["Title"] = "Firma digitale",
            ["Slug"] = "firma-digitale",
            ["Description"] = "Guide sulla firma.",
            ["Icon"] = "pen",
            ["ParentId"] = (await CategoryIdAsync("spid")).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Order"] = "5",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var list = await PageAsync(admin, created.Headers.Location!.OriginalString);
        Assert.Contains("Categoria creata.", list);
        Assert.Contains("data-category=\"firma-digitale\"", list);
        var category = await App.InTenantAsync("demo", sp => sp.GetRequiredService<KnowledgeBaseDbContext>().Categories.AsNoTracking().SingleAsync(c => c.Slug == "firma-digitale"));
        Assert.Equal((await CategoryIdAsync("spid"), 5, "pen"), (category.ParentId, category.Order, category.Icon));

        var duplicate = await HtmlAsync(await SignIn.PostFormAsync(admin, "/demo/admin/help/categories", "/demo/admin/help/categories?handler=Save", new()
        {
            ["Title"] = "Ancora SPID", ["Slug"] = "spid", ["Order"] = "1",
        }));
        Assert.Contains("<p id=\"Slug-error\" class=\"field-error\">Lo slug 'spid' è già usato da un'altra categoria.</p>", duplicate);

        var spid = await CategoryIdAsync("spid");
        var refused = await SignIn.PostFormAsync(admin, "/demo/admin/help/categories", $"/demo/admin/help/categories?handler=Delete&id={spid}", []);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("contiene guide o sottocategorie: spostale prima di eliminarla.", await HtmlAsync(refused));
        Assert.True(await App.InTenantAsync("demo", sp => sp.GetRequiredService<KnowledgeBaseDbContext>().Categories.AnyAsync(c => c.Id == spid)));

        var edit = $"/demo/admin/help/categories?edit={category.Id}";
        Assert.Contains("value=\"Firma digitale\"", await PageAsync(admin, edit));
        var renamed = await SignIn.PostFormAsync(admin, edit, $"/demo/admin/help/categories?edit={category.Id}&handler=Save", new()
        {
            ["Title"] = "Firma elettronica", ["Slug"] = "firma-elettronica", ["Icon"] = "pen", ["ParentId"] = "", ["Order"] = "7",
        });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains("Categoria salvata.", await PageAsync(admin, renamed.Headers.Location!.OriginalString));
        category = await App.InTenantAsync("demo", sp => sp.GetRequiredService<KnowledgeBaseDbContext>().Categories.AsNoTracking().SingleAsync(c => c.Id == category.Id));
        Assert.Equal(("Firma elettronica", "firma-elettronica", (int?)null, 7), (category.Title, category.Slug, category.ParentId, category.Order));

        var deleted = await SignIn.PostFormAsync(admin, "/demo/admin/help/categories", $"/demo/admin/help/categories?handler=Delete&id={category.Id}", []);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.DoesNotContain("data-category=\"firma-elettronica\"", await PageAsync(admin, deleted.Headers.Location!.OriginalString));
    }

    [Fact]
    public async Task The_feedback_report_shows_counts_and_encoded_comments()
    {
        await App.InTenantAsync("demo", async sp =>
        {
            var db = sp.GetRequiredService<KnowledgeBaseDbContext>();
            var box = sp.GetRequiredService<FeedbackBox>();
            var article = await db.Articles.AsNoTracking().SingleAsync(a => a.Slug == "rinnovare-identita-spid");
            await box.RecordAsync(article, true, null, default);
            await box.RecordAsync(article, true, "Chiara e completa", default);
            await box.RecordAsync(article, false, "<script>alert('x')</script> non funziona", default);
            return 0;
        });
        var admin = await AdminAsync();

        var response = await admin.GetAsync("/demo/admin/help/feedback");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert('x')</script>", raw);
        Assert.Contains("&lt;script&gt;", raw);
        var html = WebUtility.HtmlDecode(raw);
        Assert.Matches("data-slug=\"rinnovare-identita-spid\">\\s*<td><a [^>]+>[^<]+</a></td>\\s*<td>2</td>\\s*<td>1</td>\\s*<td>67%</td>", html);
        Assert.Contains("Chiara e completa", html);
        Assert.Matches("<option value=\"[0-9a-f-]{36}\">Rinnovare un'identità SPID</option>", html);

        var list = await PageAsync(admin, "/demo/admin/help?q=rinnovare-identita-spid");
        Assert.Contains("67% su 3", list);

        var other = await ArticleAsync("creare-account");
        var filtered = await PageAsync(admin, $"/demo/admin/help/feedback?article={other.Id}");
        Assert.Contains("Ultimi commenti su " + other.Title, filtered);
        Assert.DoesNotContain("Chiara e completa", filtered);
    }

    [Fact]
    public async Task Anonymous_users_customers_and_forged_posts_are_refused()
    {
        var anonymous = await App.ClientFor().GetAsync("/demo/admin/help");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/account/login", anonymous.Headers.Location!.OriginalString);

        var customer = App.ClientFor();
        await SignIn.AsAsync(customer, "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword);
        foreach (var path in new[] { "/demo/admin/help", "/demo/admin/help/new", "/demo/admin/help/categories", "/demo/admin/help/feedback" })
        {
            var denied = await customer.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.Contains("access-denied", denied.Headers.Location!.OriginalString);
        }

        var token = SignIn.AntiforgeryToken(await customer.GetStringAsync("/demo/account"));
        var posted = await customer.PostAsync("/demo/admin/help/new?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>(
            Form("Intrusa", "guida-intrusa", await CategoryIdAsync("spid"), "x")) { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Contains("access-denied", posted.Headers.Location!.OriginalString);

        var admin = await AdminAsync();
        var forged = await admin.PostAsync("/demo/admin/help/new?handler=Save", new FormUrlEncodedContent(
            Form("Senza token", "senza-token", await CategoryIdAsync("spid"), "x")));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        var article = await ArticleAsync("rinnovare-identita-spid");
        var forgedDelete = await admin.PostAsync($"/demo/admin/help/{article.Id}?handler=Delete", new FormUrlEncodedContent(new Dictionary<string, string> { ["ConfirmDelete"] = "true" }));
        Assert.Equal(HttpStatusCode.BadRequest, forgedDelete.StatusCode);
        Assert.Equal(40, await App.InTenantAsync("demo", sp => sp.GetRequiredService<KnowledgeBaseDbContext>().Articles.CountAsync()));
    }

    [Fact]
    public async Task Deleting_a_guide_needs_the_confirmation()
    {
        var admin = await AdminAsync();
        var article = await ArticleAsync("trasferire-servizi-organizzazione");
        var edit = $"/demo/admin/help/{article.Id}";

        var unconfirmed = await SignIn.PostFormAsync(admin, edit, edit + "?handler=Delete", []);
        Assert.Equal(HttpStatusCode.OK, unconfirmed.StatusCode);
        Assert.Contains("Per eliminare la guida conferma con la casella accanto al pulsante.", await HtmlAsync(unconfirmed));

        var deleted = await SignIn.PostFormAsync(admin, edit, edit + "?handler=Delete", new() { ["ConfirmDelete"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Contains("Guida eliminata.", await PageAsync(admin, deleted.Headers.Location!.OriginalString));
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync(edit)).StatusCode);
    }
}

public sealed class AdminEditorTestsOnSqlite() : AdminEditorTests(StoreKind.Sqlite);

public sealed class AdminEditorTestsOnPostgres() : AdminEditorTests(StoreKind.Postgres);
