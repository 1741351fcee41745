using System.Collections;

namespace Sportello.Core.Validation;

/// <summary>
/// What a form refused, field by field, in the words the page shows (already in the user's language). Pages fill
/// it, the <c>field-errors</c> tag helper puts each message beside its field, the <c>_ErrorSummary</c> partial lists
/// them all at the top.
/// </summary>
public sealed class FieldErrors : IEnumerable<ValidationProblem>
{
    private readonly List<ValidationProblem> _all = [];

    public int Count => _all.Count;

    public void Add(string field, string message) => _all.Add(new ValidationProblem(field, message));

    public bool Has(string field) => _all.Any(p => p.Field == field);

    public IEnumerable<string> For(string field) => _all.Where(p => p.Field == field).Select(p => p.Message);

    public IEnumerator<ValidationProblem> GetEnumerator() => _all.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
