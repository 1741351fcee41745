using Sportello.Core.Modules;

namespace Sportello.Organizations;

/// <summary>
/// An organization's data and administrative contacts as other modules need them (Billing invoices with them, product
/// modules write expiry notices to them); never its tables.
/// </summary>
[ModuleContract("organizations")]
public interface IOrganizationDirectory
{
    Task<OrganizationProfile?> FindAsync(Guid organizationId, CancellationToken ct = default);

    /// <summary>The organizations with exactly this legal name, oldest first: how recipes name them.</summary>
    Task<IReadOnlyList<OrganizationProfile>> NamedAsync(string legalName, CancellationToken ct = default);

    /// <summary>
    /// The members who chose to receive <paramref name="purpose"/>; when none did, the legal representatives, so
    /// nothing goes unread.
    /// </summary>
    Task<IReadOnlyList<OrganizationContact>> ContactsAsync(Guid organizationId, ContactPurpose purpose, CancellationToken ct = default);
}

/// <summary>An organization's legal and contact data, as stored (tax codes normalized).</summary>
public sealed record OrganizationProfile(
    Guid Id,
    string LegalName,
    OrganizationKind Kind,
    string? CodiceFiscale,
    string? PartitaIva,
    string? Street,
    string? Cap,
    string? City,
    string? Province,
    string Country,
    string? Pec,
    string? RecipientCode,
    string? ContactEmail,
    string? ContactPhone,
    string Language);

/// <summary>Someone to write to for an organization.</summary>
public sealed record OrganizationContact(string UserId, string Email, string DisplayName);
