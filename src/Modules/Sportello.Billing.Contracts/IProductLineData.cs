using System.Globalization;
using Sportello.Core.Validation;

namespace Sportello.Billing;

/// <summary>
/// The customer's data a product needs on each order line (mailbox names, an identity's holder), as the module defines
/// it: Billing stores it as given (JSON) and hands it back in <see cref="OrderPaid"/>; the module checks it here first.
/// </summary>
public interface IProductLineData
{
    /// <summary>
    /// What is wrong with <paramref name="data"/> for a line of <paramref name="quantity"/> units, in
    /// <paramref name="culture"/>; empty when it is right. Fields are named as the module's form names them.
    /// </summary>
    IReadOnlyList<ValidationProblem> Validate(string? data, int quantity, CultureInfo culture);
}
