using Sportello.Core.Audit;
using Sportello.Identity.Data;

namespace Sportello.Identity.Domain;

/// <summary>
/// Account actions in the tenant's audit log: the account is the subject, and when nobody is signed in yet (signing
/// in, asking for a new password) the account's owner is the actor. Written with Identity's context, so inside its
/// transaction when one is open.
/// </summary>
public sealed class AccountAudit(IAuditLog log, IdentityStoreDbContext db)
{
    public const string SubjectType = "user";

    public async Task RecordAsync(string action, SportelloUser? subject, string? email = null, string? detail = null, CancellationToken ct = default)
    {
        log.Add(db, new AuditRecord(action)
        {
            SubjectType = SubjectType,
            SubjectId = subject?.Id,
            SubjectName = subject?.Email ?? email,
            Actor = subject is null ? null : (subject.Id, subject.DisplayName),
            Details = detail is null ? null : new Dictionary<string, object?> { ["detail"] = detail },
        });
        await db.SaveChangesAsync(ct);
    }
}
