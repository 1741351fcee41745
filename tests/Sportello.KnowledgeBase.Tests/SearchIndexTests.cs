using Sportello.KnowledgeBase.Content;
using Microsoft.Extensions.Time.Testing;
using Sportello.KnowledgeBase.Domain;
using Sportello.KnowledgeBase.Search;

namespace Sportello.KnowledgeBase.Tests;

/// <summary>The index on its own: analysis, ranking, typos, facets, passages, suggestions and hostile queries.</summary>
public sealed class SearchIndexTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "kb-index-" + Guid.NewGuid().ToString("N"));
    private readonly Category _spid = new() { Id = 1, Slug = "spid", Title = "Identità SPID" };
    private readonly Category _pec = new() { Id = 2, Slug = "pec", Title = "Caselle PEC" };
    private readonly List<Guid> _ids = [];
    private TenantSearchIndex? _index;

    private TenantSearchIndex Index(string analyzer, params (string Title, string Body, Category Category)[] guides)
    {
        _index = TenantSearchIndex.Open(_folder, analyzer, create: true, new FakeTimeProvider());
        _index.Apply(guides.Select((g, i) =>
        {
            var article = new Article
            {
                Id = Guid.NewGuid(),
                Slug = "guida-" + i,
                Title = g.Title,
                Summary = string.Empty,
                Body = g.Body,
                CategoryId = g.Category.Id,
                Status = ArticleStatus.Published,
            };
            _ids.Add(article.Id);
            return (article.Id, SearchFields.ToDocument(article, g.Category, GuideVariables.Sample).Document);
        }), 1);
        return _index;
    }

    private static string Text(SearchHit hit) => string.Concat(hit.Snippet.Select(p => p.Text));

    [Fact]
    public void The_italian_analyzer_stems_drops_elided_articles_and_stop_words()
    {
        var analyzer = SearchAnalyzers.Language("italian");

        Assert.Equal(QueryText.Terms(analyzer, "body", "rinnovo"), QueryText.Terms(analyzer, "body", "rinnovi"));
        Assert.Equal(QueryText.Terms(analyzer, "body", "abbonamento"), QueryText.Terms(analyzer, "body", "dell'abbonamento"));
        Assert.Equal(QueryText.Terms(analyzer, "body", "casella"), QueryText.Terms(analyzer, "body", "la casella della"));
        Assert.Empty(QueryText.Terms(analyzer, "body", "il della per con"));
    }

    [Fact]
    public void The_english_analyzer_stems_english()
    {
        var analyzer = SearchAnalyzers.Language("english");

        Assert.Equal(QueryText.Terms(analyzer, "body", "renewal"), QueryText.Terms(analyzer, "body", "renewals"));
        Assert.Empty(QueryText.Terms(analyzer, "body", "the and of"));
    }

    [Fact]
    public void An_elided_word_in_a_guide_is_found_by_the_plain_word()
    {
        var index = Index("italian", ("Disdire", "Come chiedere la disdetta dell'abbonamento annuale.", _pec));

        var results = index.Search("abbonamento", null, 1, 10);

        Assert.Equal(1, results.Total);
    }

    [Fact]
    public void A_match_in_the_title_ranks_above_a_match_in_the_body()
    {
        var index = Index("italian",
            ("Cambiare la password", "Per il rinnovo della casella apri le impostazioni e segui i passaggi indicati.", _pec),
            ("Rinnovo della casella PEC", "Apri le impostazioni e segui i passaggi indicati.", _pec));

        var results = index.Search("rinnovo", null, 1, 10);

        Assert.Equal(2, results.Total);
        Assert.Equal("Rinnovo della casella PEC", results.Hits[0].Title);
    }

    [Fact]
    public void A_misspelt_word_still_finds_the_guide_and_gets_a_suggestion()
    {
        var index = Index("italian", ("Rinnovo dell'identità", "Il rinnovo si chiede dall'area riservata.", _spid));

        var results = index.Search("rinnvo", null, 1, 10);

        Assert.Equal(1, results.Total);
        Assert.Equal("rinnovo", results.Suggestion);
        Assert.Null(index.Search("rinnovo", null, 1, 10).Suggestion);
    }

    [Fact]
    public void Facets_count_matches_per_category_whichever_category_is_chosen()
    {
        var index = Index("italian",
            ("Rinnovo SPID", "Testo.", _spid),
            ("Rinnovo automatico SPID", "Testo.", _spid),
            ("Rinnovo PEC", "Testo.", _pec),
            ("Password", "Testo senza la parola.", _pec));

        var all = index.Search("rinnovo", null, 1, 10);
        var onlyPec = index.Search("rinnovo", "pec", 1, 10);

        Assert.Equal(3, all.Total);
        Assert.Equal(2, all.Facets.Single(f => f.Slug == "spid").Count);
        Assert.Equal(1, all.Facets.Single(f => f.Slug == "pec").Count);
        Assert.Equal(1, onlyPec.Total);
        Assert.Equal("pec", onlyPec.Hits.Single().CategorySlug);
        Assert.Equal(all.Facets.OrderBy(f => f.Slug), onlyPec.Facets.OrderBy(f => f.Slug));
    }

    [Fact]
    public void Results_are_paged()
    {
        var index = Index("italian", Enumerable.Range(1, 25).Select(i => ($"Guida {i} sul pagamento", "Testo.", _pec)).ToArray());

        var third = index.Search("pagamento", null, 3, 10);

        Assert.Equal(25, third.Total);
        Assert.Equal(5, third.Hits.Count);
    }

    [Fact]
    public void The_passage_marks_the_searched_words_and_keeps_the_rest_as_text()
    {
        var body = string.Join(' ', Enumerable.Repeat("Testo introduttivo senza parole utili.", 20))
            + " Per pagare un ordine in sospeso apri la sezione ordini. <b>non markup</b>";
        var index = Index("italian", ("Ordini", body, _pec));

        var hit = index.Search("sospeso", null, 1, 10).Hits.Single();

        Assert.Contains(hit.Snippet, p => p.Match && p.Text == "sospeso");
        Assert.StartsWith("… ", Text(hit));
        Assert.Contains("<b>non markup</b>", Text(hit));
        Assert.True(Text(hit).Length < 300);
    }

    [Theory]
    [InlineData("\"rinnovo")]
    [InlineData("rinnovo*")]
    [InlineData("title:rinnovo")]
    [InlineData("(rinnovo")]
    [InlineData("rinnovo AND")]
    [InlineData("<script>alert('rinnovo')</script>")]
    public void Query_syntax_characters_are_searched_as_text(string query)
    {
        var index = Index("italian", ("Rinnovo SPID", "Testo.", _spid));

        var results = index.Search(query, null, 1, 10);

        Assert.Equal(SearchOutcome.Searched, results.Outcome);
        Assert.Equal(1, results.Total);
    }

    [Fact]
    public void A_query_of_stop_words_only_is_empty()
    {
        var index = Index("italian", ("Rinnovo SPID", "Testo.", _spid));

        Assert.Equal(SearchOutcome.Empty, index.Search("il della", null, 1, 10).Outcome);
    }

    [Fact]
    public void An_index_built_for_another_language_is_refused_on_open()
    {
        Index("italian", ("Rinnovo SPID", "Testo.", _spid)).Dispose();
        _index = null;

        Assert.Throws<InvalidDataException>(() => TenantSearchIndex.Open(_folder, "english", create: false, new FakeTimeProvider()));
    }

    [Fact]
    public void Removing_a_guide_takes_it_out_of_the_results_and_moves_the_queue_position()
    {
        var index = Index("italian", ("Rinnovo SPID", "Testo.", _spid), ("Rinnovo PEC", "Testo.", _pec));

        index.Apply([(_ids[0], null)], 7);

        Assert.Equal("Rinnovo PEC", index.Search("rinnovo", null, 1, 10).Hits.Single().Title);
        Assert.Equal(7, index.AppliedQueueId);
    }

    [Fact]
    public void A_repeated_question_is_answered_from_the_results_kept_until_the_next_commit()
    {
        var index = Index("italian", ("Rinnovo SPID", "Testo.", _spid));

        var first = index.Search("Rinnovo ", null, 1, 10);
        var again = index.Search("rinnovo", null, 1, 10);
        index.Apply([(Guid.NewGuid(), SearchFields.ToDocument(
            new Article { Id = Guid.NewGuid(), Slug = "nuova", Title = "Rinnovo PEC", CategoryId = 2, Status = ArticleStatus.Published }, _pec, GuideVariables.Sample).Document)], 2);
        var afterCommit = index.Search("rinnovo", null, 1, 10);

        Assert.Same(first, again);
        Assert.Equal(2, afterCommit.Total);
        Assert.NotSame(first, index.Search("rinnovo", null, 1, 10, cached: false));
    }

    public void Dispose()
    {
        _index?.Dispose();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
