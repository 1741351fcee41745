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
    public const string MemberInvited = "organizations.member-invited";
    public const string InvitationResent = "organizations.invitation-resent";
    public const string InvitationRevoked = "organizations.invitation-revoked";
    public const string RightsChanged = "organizations.rights-changed";
    public const string ContactsChanged = "organizations.contacts-changed";
    public const string TeamCreated = "organizations.team-created";
    public const string TeamChanged = "organizations.team-changed";
    public const string TeamDeleted = "organizations.team-deleted";
    public const string SupportGranted = "organizations.support-granted";
    public const string SupportRevoked = "organizations.support-revoked";
    public const string SupportOpened = "organizations.support-opened";
    public const string PartnerApplied = "organizations.partner-applied";
    public const string PartnerListed = "organizations.partner-listed";
    public const string ClientProposed = "organizations.client-proposed";
    public const string ClientConfirmed = "organizations.client-confirmed";
    public const string ClientEntrusted = "organizations.client-entrusted";
    public const string ClientAccessChanged = "organizations.client-access-changed";
    public const string ClientEnded = "organizations.client-ended";
    public const string PartnerStaffChanged = "organizations.partner-staff-changed";
    public const string QuoteRequested = "organizations.quote-requested";
    public const string ClientsExported = "organizations.clients-exported";
    public const string IdentityCheckOpened = "organizations.identity-check-opened";
    public const string IdentityCheckPhoneConfirmed = "organizations.identity-check-phone-confirmed";

    public static IReadOnlyList<AuditAction> All { get; } =
    [
        new(Created, new("Organizzazione creata", "Organization created")),
        new(LegalDataChanged, new("Dati dell'organizzazione cambiati", "Organization data changed")),
        new(RoleChanged, new("Ruolo di un membro cambiato", "Member's role changed")),
        new(MemberRemoved, new("Membro rimosso", "Member removed")),
        new(MemberLeft, new("Membro uscito dall'organizzazione", "Member left the organization")),
        new(MemberAdded, new("Membro aggiunto", "Member added")),
        new(MemberInvited, new("Membro invitato", "Member invited")),
        new(InvitationResent, new("Invito inviato di nuovo", "Invitation sent again")),
        new(InvitationRevoked, new("Invito revocato", "Invitation revoked")),
        new(RightsChanged, new("Diritti cambiati", "Rights changed")),
        new(ContactsChanged, new("Contatti amministrativi cambiati", "Administrative contacts changed")),
        new(TeamCreated, new("Gruppo creato", "Team created")),
        new(TeamChanged, new("Gruppo cambiato", "Team changed")),
        new(TeamDeleted, new("Gruppo eliminato", "Team deleted")),
        new(SupportGranted, new("Accesso dell'assistenza consentito", "Support access allowed")),
        new(SupportRevoked, new("Accesso dell'assistenza revocato", "Support access revoked")),
        new(SupportOpened, new("Contenuto aperto dall'assistenza", "Content opened by support")),
        new(PartnerApplied, new("Domanda per diventare partner", "Partner application")),
        new("organizations.partner.approve", new("Partner approvato", "Partner approved")),
        new("organizations.partner.reject", new("Domanda di partner respinta", "Partner application rejected")),
        new("organizations.partner.end", new("Collaborazione di partner terminata", "Partnership ended")),
        new("organizations.partner.reapply", new("Nuova domanda per diventare partner", "New partner application")),
        new(PartnerListed, new("Presenza nell'elenco dei partner cambiata", "Partner directory listing changed")),
        new(ClientProposed, new("Nuovo cliente proposto dal partner", "New client proposed by the partner")),
        new(ClientConfirmed, new("Cliente confermato dal legale rappresentante", "Client confirmed by its legal representative")),
        new(ClientEntrusted, new("Gestione affidata a un partner", "Management entrusted to a partner")),
        new(ClientAccessChanged, new("Accesso del partner cambiato", "Partner's access changed")),
        new(ClientEnded, new("Gestione del partner terminata", "Partner's management ended")),
        new(PartnerStaffChanged, new("Personale del partner per un cliente cambiato", "Partner staff for a client changed")),
        new(QuoteRequested, new("Richiesta di preventivo ricevuta", "Quote request received")),
        new(ClientsExported, new("Dati di fatturazione dei clienti esportati", "Clients' billing data exported")),
        new(IdentityCheckOpened, new("Verifica d'identità aperta", "Identity check opened")),
        new(IdentityCheckPhoneConfirmed, new("Cellulare confermato per la verifica d'identità", "Mobile confirmed for the identity check")),
        new("organizations.identity-check.submit", new("Documenti inviati per la verifica d'identità", "Documents sent for the identity check")),
        new("organizations.identity-check.ask-again", new("Documenti della verifica d'identità chiesti di nuovo", "Identity check documents asked again")),
        new("organizations.identity-check.approve", new("Verifica d'identità approvata", "Identity check approved")),
        new("organizations.identity-check.reject", new("Verifica d'identità respinta", "Identity check rejected")),
    ];

    public static AuditRecord Record(string action, Organization organization, IReadOnlyDictionary<string, object?>? details = null) =>
        AuditRecord.Of(action, SubjectType, organization.Id.ToString(), organization.LegalName) with
        {
            OrganizationId = organization.Id.ToString(),
            Details = details,
        };
}
