using Sportello.KnowledgeBase.Content;

namespace Sportello.KnowledgeBase.Tests;

public sealed class MarkdownRendererTests
{
    private static RenderedArticle Render(string markdown) =>
        MarkdownRenderer.Render(markdown, GuideVariables.Sample) is ({ } article, null) ? article : throw new Xunit.Sdk.XunitException("not rendered");

    [Fact]
    public void Steps_tables_notes_and_headings_render_with_a_table_of_contents()
    {
        var rendered = Render("""
            Introduzione.

            ## Primo passo

            1. Apri **Identità SPID**.
            2. Premi **Rinnova**.

            | Stato | Significato |
            |---|---|
            | Attiva | Si può usare |

            ::: nota
            Una nota utile.
            :::

            ### Dettaglio
            """);

        Assert.Contains("<ol>", rendered.Html);
        Assert.Contains("<table>", rendered.Html);
        Assert.Contains("<div class=\"nota\">", rendered.Html);
        Assert.Contains("id=\"primo-passo\"", rendered.Html);
        Assert.Equal([new TocEntry(2, "primo-passo", "Primo passo"), new TocEntry(3, "dettaglio", "Dettaglio")], rendered.Toc);
    }

    [Fact]
    public void Script_event_handlers_and_javascript_links_never_reach_the_page()
    {
        var rendered = Render("""
            <script>alert('x')</script>

            <img src="x" onerror="alert(1)">

            [clic](javascript:alert(1)) e [guida](../spid/rinnovare-identita-spid)
            """);

        // Raw HTML is shown as text, never as markup.
        Assert.DoesNotContain("<script", rendered.Html);
        Assert.DoesNotContain("<img", rendered.Html);
        Assert.Contains("&lt;script&gt;", rendered.Html);
        Assert.DoesNotContain("href=\"javascript:", rendered.Html);
        Assert.Contains("href=\"../spid/rinnovare-identita-spid\"", rendered.Html);
    }

    [Fact]
    public void Guides_name_the_tenant_and_its_contacts_through_variables()
    {
        var rendered = Render("Scrivi a {{ tenant.email }} o chiama {{ tenant.phone }}: **{{ tenant.name }}** risponde {{ tenant.hours }}.");
        Assert.Contains("assistenza@esempio.it", rendered.Html);
        Assert.Contains("<strong>Sportello di esempio</strong>", rendered.Html);
    }

    [Theory]
    [InlineData(1000, '>')]
    [InlineData(200, '-')]
    public void A_deeply_nested_body_is_refused_at_once_with_its_line(int depth, char marker)
    {
        var body = marker == '>'
            ? "Introduzione.\n\n" + new string('>', depth) + " troppo"
            : "Introduzione.\n\n" + string.Concat(Enumerable.Range(0, depth).Select(i => new string(' ', i * 2) + "- livello\n"));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var (article, problem) = MarkdownRenderer.Render(body, GuideVariables.Sample);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}"); // against hanging, not a performance target
        Assert.Null(article);
        Assert.NotNull(problem);
        Assert.True(problem.Line >= 3, problem.ToString());
        Assert.NotNull(MarkdownRenderer.Check(body));
        Assert.Null(MarkdownRenderer.ToPlainText(body, GuideVariables.Sample).Text);
    }

    [Fact]
    public void A_body_beyond_the_length_or_with_a_broken_variable_is_refused()
    {
        Assert.Contains("troppo lunga", MarkdownRenderer.Check(new string('a', GuideText.MaxLength + 1))!.Message);
        var broken = MarkdownRenderer.Check("Riga uno\n{% if tenant.name %}senza fine");
        Assert.Equal(2, broken!.Line);
    }

    [Fact]
    public void Ordinary_nesting_and_indented_code_are_fine()
    {
        Assert.Null(MarkdownRenderer.Check("- uno\n  - due\n    - tre\n      > nota\n\n```\n" + new string(' ', 60) + "codice rientrato\n```\n"));
    }
}
