using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Sportello.KnowledgeBase.Data;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Tests;

public abstract class FeedbackAndViewsTests(StoreKind kind) : ProviderTests(kind)
{
    private const string Guide = "/demo/help/spid/rinnovare-identita-spid";

    private Task<List<ArticleFeedback>> FeedbackAsync() =>
        App.InTenantAsync("demo", sp => sp.GetRequiredService<KnowledgeBaseDbContext>().Feedback.AsNoTracking().ToListAsync());

    private static async Task<string> TokenAsync(HttpClient client)
    {
        var json = await client.GetStringAsync("/demo/api/antiforgery/token");
        return JsonDocument.Parse(json).RootElement.GetProperty("token").GetString()!;
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, string? token, string helpful = "true", string comment = "") =>
        client.PostAsync(Guide + "/feedback", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token ?? string.Empty,
            ["helpful"] = helpful,
            ["comment"] = comment,
        }));

    [Fact]
    public async Task The_cached_guide_page_carries_a_form_without_token_and_sets_no_cookie()
    {
        var response = await App.ClientFor().GetAsync(Guide);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Contains("Ti è stata utile questa guida?", html);
        Assert.Contains("data-token-url=\"/demo/api/antiforgery/token\"", html);
        Assert.Contains("name=\"__RequestVerificationToken\" type=\"hidden\" />", html);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task An_answer_with_a_fetched_token_is_recorded_with_its_comment()
    {
        var client = App.ClientFor();

        var sent = await SendAsync(client, await TokenAsync(client), "false", "Manca il caso <b>aziendale</b>.");
        var thanks = await client.GetAsync(sent.Headers.Location);

        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Contains("Grazie!", WebUtility.HtmlDecode(await thanks.Content.ReadAsStringAsync()));
        var answer = Assert.Single(await FeedbackAsync());
        Assert.False(answer.Helpful);
        Assert.Equal("Manca il caso <b>aziendale</b>.", answer.Comment);
    }

    [Fact]
    public async Task An_answer_without_a_valid_token_is_not_recorded_but_shown_back_to_confirm()
    {
        var client = App.ClientFor();

        var refused = await SendAsync(client, null, "true", "Ottima");
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        var forged = await SendAsync(App.ClientFor(), "CfDJ8-inventato", "true");

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("Per sicurezza conferma", html);
        Assert.Contains(">Ottima</textarea>", html);
        Assert.Empty(await FeedbackAsync());

        var confirmed = await SendAsync(client, SignIn.AntiforgeryToken(html), "true", "Ottima");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Single(await FeedbackAsync());
    }

    [Fact]
    public async Task An_answer_must_say_yes_or_no()
    {
        var client = App.ClientFor();

        var response = await SendAsync(client, await TokenAsync(client), "");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Scegli «Sì» oppure «No».", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Empty(await FeedbackAsync());
    }

    [Fact]
    public async Task A_visitor_sending_too_many_answers_is_refused()
    {
        var client = App.ClientFor();
        var token = await TokenAsync(client);
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await SendAsync(client, token)).StatusCode);
        }

        var sixth = await SendAsync(client, token);

        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Contains("riprova tra qualche minuto", WebUtility.HtmlDecode(await sixth.Content.ReadAsStringAsync()));
        Assert.Equal(5, (await FeedbackAsync()).Count);
    }

    [Fact]
    public async Task Views_are_counted_also_when_served_from_the_cache_and_feed_the_most_read_list()
    {
        var client = App.ClientFor();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/demo/help/pec/creare-casella-pec")).StatusCode);
        }

        await client.GetAsync(Guide);
        await App.Services.GetRequiredService<ArticleViews>().FlushAsync(CancellationToken.None);
        var views = await App.InTenantAsync("demo", sp => sp.GetRequiredService<KnowledgeBaseDbContext>().Articles
            .Where(a => a.Views > 0).ToDictionaryAsync(a => a.Slug, a => a.Views));
        var html = WebUtility.HtmlDecode(await client.GetStringAsync("/demo/help"));

        Assert.Equal(3, views["creare-casella-pec"]);
        Assert.Equal(1, views["rinnovare-identita-spid"]);
        Assert.Equal(2, views.Count);
        Assert.Contains("Le più lette", html);
        Assert.True(html.IndexOf("/demo/help/pec/creare-casella-pec", StringComparison.Ordinal)
            < html.IndexOf("/demo/help/spid/rinnovare-identita-spid", StringComparison.Ordinal));
    }
}

public sealed class FeedbackAndViewsTestsOnSqlite() : FeedbackAndViewsTests(StoreKind.Sqlite);

public sealed class FeedbackAndViewsTestsOnPostgres() : FeedbackAndViewsTests(StoreKind.Postgres);
