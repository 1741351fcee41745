using Sportello.Core.Audit;

namespace Sportello.Organizations.Domain;

/// <summary>What the Organizations module writes to the audit log; the subject is the organization.</summary>
public static class OrganizationAuditActions
{
    public const string SubjectType = "organization";

    public const string Created = "organizations.created";
    public const string LegalDataChanged = "organizations.legal-data-changed";
    public const string RoleChanged = "organizations.member-role-changed";
    public const string MemberRemoved = "organizations.member-removed";
    public const string MemberLeft = "organizations.member-left";
    public const string MemberAdded = "organizations.member-added";

    public static IReadOnlyList<AuditAction> All { get; } =
    [
        new(Created, new("Organizzazione creata", "Organization created")),
        new(LegalDataChanged, new("Dati dell'organizzazione cambiati", "Organization data changed")),
        new(RoleChanged, new("Ruolo di un membro cambiato", "Member's role changed")),
        new(MemberRemoved, new("Membro rimosso", "Member removed")),
        new(MemberLeft, new("Membro uscito dall'organizzazione", "Member left the organization")),
        new(MemberAdded, new("Membro aggiunto", "Member added")),
    ];

    public static AuditRecord Record(string action, Organization organization, IReadOnlyDictionary<string, object?>? details = null) =>
        AuditRecord.Of(action, SubjectType, organization.Id.ToString(), organization.LegalName) with
        {
            OrganizationId = organization.Id.ToString(),
            Details = details,
        };
}
