using System.Diagnostics;
using System.Text.Encodings.Web;
using Fluid;
using Sportello.Core.Templates;

namespace Sportello.Core.Tests.Templates;

public sealed class LiquidTemplatesTests
{
    private static readonly Dictionary<string, object?> Model = new()
    {
        ["user"] = new Dictionary<string, object?> { ["name"] = "Anna <b>Conti</b>" },
        ["items"] = new List<object?> { "uno", "due", "tre" },
        ["long"] = new string('x', 600),
    };

    private static (string Output, LiquidProblem? Problem) Render(string source) => LiquidTemplates.Render(source, Model, HtmlEncoder.Default);

    [Fact]
    public void An_ordinary_template_renders_with_its_values_encoded()
    {
        var (output, problem) = Render("Ciao {{ user.name }}: {% for i in items %}{{ i }} {% endfor %}{% for n in (1..3) %}{{ n }}{% endfor %}");
        Assert.Null(problem);
        Assert.Equal("Ciao Anna &lt;b&gt;Conti&lt;/b&gt;: uno due tre 123", output);
    }

    [Fact]
    public void Plain_text_output_leaves_values_as_typed()
    {
        var (output, problem) = LiquidTemplates.Render("Benvenuto {{ user.name }}", Model, NullEncoder.Default);
        Assert.Null(problem);
        Assert.Equal("Benvenuto Anna <b>Conti</b>", output);
    }

    [Theory]
    [InlineData("{% for i in (1..20000000) %}{{ i }}{% endfor %}", "ha più di 1.000 elementi")]
    [InlineData("{% assign n = 20000000 %}{% for i in (1..n) %}{% endfor %}", "ha più di 1.000 elementi")]
    [InlineData("{% for i in (1..900) %}{% for j in (1..900) %}{% for k in (1..900) %}x{% endfor %}{% endfor %}{% endfor %}", "troppe operazioni")]
    [InlineData("{% assign s = 'ab' %}{% for i in (1..40) %}{% assign s = s | append: s %}{% endfor %}{{ s }}", "più di 100.000 caratteri")]
    [InlineData("{% assign s = 'ab' %}{% for i in (1..40) %}{% capture s %}{{ s }}{{ s }}{% endcapture %}{% endfor %}{{ s }}", "supera 100.000 caratteri")]
    [InlineData("{% for i in (1..999) %}{{ long }}{% endfor %}", "supera 500.000 caratteri")]
    public void A_template_written_to_burn_a_core_or_fill_the_memory_is_stopped_quickly(string source, string reason)
    {
        var watch = Stopwatch.StartNew();
        var (output, problem) = Render(source);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}"); // a guard against hanging, not a performance target
        Assert.NotNull(problem);
        Assert.Contains(reason, problem.Message);
        Assert.StartsWith("Il modello supera i limiti", problem.Message);
        Assert.Empty(output);
    }

    [Fact]
    public void Include_and_render_cannot_read_files()
    {
        Assert.Contains("«include» e «render»", Render("{% include 'x' %}").Problem!.Message);
        Assert.Contains("«include» e «render»", Render("{% render '../../etc/passwd' %}").Problem!.Message);
    }

    [Theory]
    [InlineData("Ciao {% if %}", 1, "il tag «if» non è scritto correttamente")]
    [InlineData("riga uno\n{% for i in items %}", 2, "manca la chiusura «{% endfor %}»")]
    [InlineData("{% endif %}", 1, "il tag «endif» non esiste")]
    [InlineData("{{ user.name }", 1, "manca «}}» alla fine del tag")]
    public void Syntax_errors_are_told_in_italian_with_line_and_column(string source, int line, string message)
    {
        var problem = LiquidTemplates.Check(source);
        Assert.NotNull(problem);
        Assert.Equal(line, problem.Line);
        Assert.NotNull(problem.Column);
        Assert.Contains(message, problem.Message, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith($"Riga {line}, colonna ", problem.ToString());
    }
}
