namespace Sportello.Billing;

/// <summary>Marker for the module's UI strings: Italian text is the key, English in Resources.</summary>
public sealed class BillingStrings;
