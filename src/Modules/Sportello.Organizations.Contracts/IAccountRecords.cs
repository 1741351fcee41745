using Sportello.Core.Modules;

namespace Sportello.Organizations;

/// <summary>
/// Which customer records (organizations) a shop account reaches, as the back office manages e-commerce users.
/// One account may reach several records (a family, an accountant for several companies).
/// </summary>
[ModuleContract("organizations")]
public interface IAccountRecords
{
    /// <summary>The records of each of <paramref name="userIds"/>, by legal name; users with none are left out.</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyList<AccountRecord>>> OfAsync(IReadOnlyCollection<string> userIds, CancellationToken ct = default);

    /// <summary>The accounts that reach <paramref name="organizationId"/>, with their role there.</summary>
    Task<IReadOnlyList<RecordAccount>> AccountsOfAsync(Guid organizationId, CancellationToken ct = default);

    /// <summary>
    /// Removes the link between the record and the account, at once: the account keeps its other records. Refused
    /// when it is the account's last record (deactivate the account instead) or its last legal representative.
    /// </summary>
    Task<Dissociation> DissociateAsync(Guid organizationId, string userId, CancellationToken ct = default);
}

/// <summary>A record an account reaches, and as what.</summary>
public sealed record AccountRecord(Guid OrganizationId, string LegalName, OrganizationKind Kind, OrganizationRole Role);

/// <summary>An account that reaches a record, and as what.</summary>
public sealed record RecordAccount(string UserId, string Email, string DisplayName, OrganizationRole Role);

/// <summary>How a dissociation ended.</summary>
public enum Dissociation
{
    Dissociated,

    /// <summary>The account does not reach that record (any more).</summary>
    NotLinked,

    /// <summary>The record is the account's only one: nothing changed; deactivating the account is the way.</summary>
    LastRecord,

    /// <summary>The account is the record's only legal representative: another must be appointed first.</summary>
    LastLegalRepresentative,
}
