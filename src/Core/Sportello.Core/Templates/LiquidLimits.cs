namespace Sportello.Core.Templates;

/// <summary>
/// What one rendering of a tenant-editable template may cost. The defaults leave room for any real e-mail or page
/// (a few loops over a few dozen items) and stop a template written to burn a core or fill the memory.
/// </summary>
public sealed record LiquidLimits
{
    public static LiquidLimits Default { get; } = new();

    /// <summary>Statements executed, loop iterations included.</summary>
    public int MaxSteps { get; init; } = 10_000;

    public int MaxRecursion { get; init; } = 20;

    /// <summary>Items in a range such as <c>(1..n)</c>, which Fluid would otherwise build in full before the first step.</summary>
    public int MaxRange { get; init; } = 1_000;

    /// <summary>Characters of any string a filter or a capture makes, so doubling a string in a loop stops early.</summary>
    public int MaxString { get; init; } = 100_000;

    public int MaxOutput { get; init; } = 500_000;

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(1);
}
