using Sportello.KnowledgeBase.Content;

namespace Sportello.KnowledgeBase.Tests;

public sealed class MarkdownRendererTests
{
    [Fact]
    public void Steps_tables_notes_and_headings_render_with_a_table_of_contents()
    {
        var rendered = MarkdownRenderer.Render("""
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
        var rendered = MarkdownRenderer.Render("""
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
}
