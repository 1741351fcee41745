using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using Fluid;
using Fluid.Ast;
using Fluid.Parser;
using Fluid.Values;

namespace Sportello.Core.Templates;

/// <summary>
/// The one way tenant-editable templates (e-mails, help guides, later SMS and page snippets) are rendered: Liquid by
/// Fluid, sandboxed (templates see only the plain dictionaries and strings handed to them, never .NET objects, and
/// neither include nor render can read files) and within <see cref="LiquidLimits"/>. Problems come back in Italian
/// with line and column, never as exceptions, so a broken template costs its caller a fallback, not a 500.
/// </summary>
public static partial class LiquidTemplates
{
    private const string DeadlineKey = "sportello.deadline";
    private const string LimitsKey = "sportello.limits";

    private static readonly FluidParser Parser = new();
    private static readonly System.Globalization.CultureInfo Italian = System.Globalization.CultureInfo.GetCultureInfo("it-IT");
    private static readonly TemplateOptions Options = CreateOptions();

    [GeneratedRegex(@"at \((\d+):(\d+)\)")]
    private static partial Regex Position();

    /// <summary>Parses and bounds a template; the problem instead when it does not parse.</summary>
    public static LiquidProblem? Check(string? source) => TryParse(source, out _, out var problem) ? null : problem;

    /// <summary>Renders a template, or returns why not (a parse error, a limit, a failing tag); output is empty then.</summary>
    public static (string Output, LiquidProblem? Problem) Render(string? source, IReadOnlyDictionary<string, object?> model, TextEncoder encoder, LiquidLimits? limits = null)
    {
        if (!TryParse(source, out var template, out var problem))
        {
            return (string.Empty, problem);
        }

        limits ??= LiquidLimits.Default;
        var context = new TemplateContext(Options) { MaxSteps = limits.MaxSteps };
        context.AmbientValues[DeadlineKey] = Stopwatch.GetTimestamp() + (long)(limits.Timeout.TotalSeconds * Stopwatch.Frequency);
        context.AmbientValues[LimitsKey] = limits;
        foreach (var (name, value) in model)
        {
            context.SetValue(name, value);
        }

        using var writer = new BoundedWriter(limits.MaxOutput, Deadline(context));
        try
        {
            template.RenderAsync(writer, encoder, context).AsTask().GetAwaiter().GetResult();
            return (writer.ToString(), null);
        }
        catch (Exception ex)
        {
            return (string.Empty, Describe(ex));
        }
    }

    private static bool TryParse(string? source, out IFluidTemplate template, out LiquidProblem? problem)
    {
        if (!Parser.TryParse(source ?? string.Empty, out var parsed, out var error))
        {
            template = null!;
            problem = Translate(error);
            return false;
        }

        template = parsed is FluidTemplate fluid ? new FluidTemplate(fluid.Statements.Select(s => (Statement)Bounds.Visit(s)).ToList()) : parsed;
        problem = null;
        return true;
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions
        {
            MaxRecursion = LiquidLimits.Default.MaxRecursion,
            // include and render would read files: there are none to read.
            FileProvider = new Microsoft.Extensions.FileProviders.NullFileProvider(),
        };

        // Every filter's string result is measured, so no chain of appends or replaces grows past the limit.
        foreach (var (name, filter) in options.Filters.ToList())
        {
            options.Filters.AddFilter(name, async (input, arguments, context) =>
            {
                var result = await filter(input, arguments, context);
                CheckString(result, context);
                return result;
            });
        }

        return options;
    }

    private static void CheckString(FluidValue value, TemplateContext context)
    {
        if (value.Type == FluidValues.String && value.ToStringValue().Length > LimitsOf(context).MaxString)
        {
            throw new LiquidLimitException(string.Create(Italian, $"il modello produce un testo di più di {LimitsOf(context).MaxString:N0} caratteri."));
        }

        if (Stopwatch.GetTimestamp() > Deadline(context))
        {
            throw new LiquidLimitException("il modello impiega troppo tempo.");
        }
    }

    private static LiquidLimits LimitsOf(TemplateContext context) =>
        context.AmbientValues.TryGetValue(LimitsKey, out var limits) ? (LiquidLimits)limits : LiquidLimits.Default;

    private static long Deadline(TemplateContext context) =>
        context.AmbientValues.TryGetValue(DeadlineKey, out var deadline) ? (long)deadline : long.MaxValue;

    private static LiquidProblem Describe(Exception ex) => ex switch
    {
        LiquidLimitException limit => new($"Il modello supera i limiti: {limit.Message}"),
        FileNotFoundException => new("I tag «include» e «render» non si possono usare nei modelli."),
        InvalidOperationException when ex.Message.Contains("maximum level of recursion", StringComparison.Ordinal) =>
            new(string.Create(Italian, $"Il modello supera i limiti: esegue troppe operazioni (più di {LiquidLimits.Default.MaxSteps:N0}) o è annidato troppo in profondità.")),
        _ => new($"Il modello non si può comporre: {ex.Message}"),
    };

    // Fluid's parse errors are English: the usual ones in Italian, the rest with their own words.
    private static LiquidProblem Translate(string? error)
    {
        var text = error ?? string.Empty;
        var position = Position().Match(text);
        int? line = position.Success ? int.Parse(position.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        int? column = position.Success ? int.Parse(position.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        var first = text.Split('\n')[0];
        var message = first switch
        {
            _ when InvalidTag().Match(first) is { Success: true } m => $"il tag «{m.Groups[1].Value}» non è scritto correttamente.",
            _ when Expected().Match(first) is { Success: true } m => $"manca la chiusura «{m.Groups[1].Value}».",
            _ when UnknownTag().Match(first) is { Success: true } m => $"il tag «{m.Groups[1].Value}» non esiste o non ha un'apertura.",
            _ when EndOfTag().Match(first) is { Success: true } m => $"manca «{m.Groups[1].Value}» alla fine del tag.",
            _ => $"sintassi Liquid non valida ({Position().Replace(first, string.Empty).Trim()}).",
        };
        return new LiquidProblem(char.ToUpperInvariant(message[0]) + message[1..], line, column);
    }

    [GeneratedRegex(@"^Invalid '([^']+)' tag")]
    private static partial Regex InvalidTag();

    [GeneratedRegex(@"^'([^']+)' was expected")]
    private static partial Regex Expected();

    [GeneratedRegex(@"^Unknown tag '([^']+)'")]
    private static partial Regex UnknownTag();

    [GeneratedRegex(@"^End of tag '([^']+)' was expected")]
    private static partial Regex EndOfTag();

    private sealed class LiquidLimitException(string message) : Exception(message);

    /// <summary>Rewrites what Fluid would run unbounded: ranges are measured before they are built, captures as they grow.</summary>
    private sealed class BoundsRewriter : AstRewriter
    {
        protected override Expression VisitRangeExpression(RangeExpression rangeExpression) =>
            new BoundedRange((RangeExpression)base.VisitRangeExpression(rangeExpression));

        protected override Statement VisitCaptureStatement(CaptureStatement captureStatement) =>
            new BoundedCapture((CaptureStatement)base.VisitCaptureStatement(captureStatement));
    }

    private static readonly BoundsRewriter Bounds = new();

    private sealed class BoundedRange(RangeExpression range) : Expression
    {
        public override async ValueTask<FluidValue> EvaluateAsync(TemplateContext context)
        {
            var from = (await range.From.EvaluateAsync(context)).ToNumberValue();
            var to = (await range.To.EvaluateAsync(context)).ToNumberValue();
            var max = LimitsOf(context).MaxRange;
            if (Math.Abs(to - from) >= max)
            {
                throw new LiquidLimitException(string.Create(Italian, $"l'intervallo ({from}..{to}) ha più di {max:N0} elementi."));
            }

            return await range.EvaluateAsync(context);
        }
    }

    private sealed class BoundedCapture(CaptureStatement capture) : Statement
    {
        public override async ValueTask<Completion> WriteToAsync(TextWriter writer, TextEncoder encoder, TemplateContext context)
        {
            using var buffer = new BoundedWriter(LimitsOf(context).MaxString, Deadline(context));
            var completion = Completion.Normal;
            foreach (var statement in capture.Statements)
            {
                completion = await statement.WriteToAsync(buffer, encoder, context);
                if (completion != Completion.Normal)
                {
                    break;
                }
            }

            context.SetValue(capture.Identifier, new StringValue(buffer.ToString(), encode: false));
            return completion;
        }
    }

    /// <summary>Output that stops at a size and a deadline.</summary>
    private sealed class BoundedWriter(int maxLength, long deadline) : StringWriter(System.Globalization.CultureInfo.InvariantCulture)
    {
        public override void Write(char value)
        {
            Check(1);
            base.Write(value);
        }

        public override void Write(string? value)
        {
            Check(value?.Length ?? 0);
            base.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            Check(count);
            base.Write(buffer, index, count);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            Check(buffer.Length);
            base.Write(buffer);
        }

        private void Check(int adding)
        {
            if (GetStringBuilder().Length + adding > maxLength)
            {
                throw new LiquidLimitException(string.Create(Italian, $"il testo prodotto supera {maxLength:N0} caratteri."));
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new LiquidLimitException("il modello impiega troppo tempo.");
            }
        }
    }
}
