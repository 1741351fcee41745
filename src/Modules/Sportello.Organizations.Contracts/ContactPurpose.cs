namespace Sportello.Organizations;

/// <summary>What an organization's administrative contacts are written to about; each member chooses which they receive.</summary>
public enum ContactPurpose
{
    Invoices,
    ExpiryNotices,
    TechnicalNotices,
}
