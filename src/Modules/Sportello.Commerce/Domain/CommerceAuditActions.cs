using Sportello.Core.Audit;
using Sportello.Identity;

namespace Sportello.Commerce.Domain;

/// <summary>
/// What operators do to shop accounts from a customer record, with the record named; Identity writes its own entries
/// for the account's side (password set, deactivated), so the account's history reads both.
/// </summary>
public static class CommerceAuditActions
{
    public const string SubjectType = SignInAudit.SubjectType;

    public const string PasswordSent = "commerce.password-sent";
    public const string Dissociated = "commerce.account-dissociated";

    /// <summary>The details' key of the record's legal name.</summary>
    public const string RecordDetail = "record";

    public static IReadOnlyList<AuditAction> All { get; } =
    [
        new(PasswordSent, new("Reimpostazione della password inviata dall'anagrafica", "Password reset sent from the customer record")),
        new(Dissociated, new("Account dissociato da un'anagrafica", "Account dissociated from a customer record")),
    ];

    public static AuditRecord Record(string action, string userId, string email, Guid organizationId, string legalName, IReadOnlyDictionary<string, object?>? details = null) =>
        AuditRecord.Of(action, SubjectType, userId, email) with
        {
            OrganizationId = organizationId.ToString(),
            Details = new Dictionary<string, object?>(details ?? new Dictionary<string, object?>()) { [RecordDetail] = legalName },
        };
}
