using Microsoft.EntityFrameworkCore;
using Sportello.Core.Audit;
using Sportello.Identity.Data;

namespace Sportello.Identity.Domain;

/// <summary>
/// Account actions in the tenant's audit log: the account is the subject, and when nobody is signed in yet (signing
/// in, asking for a new password) the account's owner is the actor. Written with Identity's context, so inside its
/// transaction when one is open.
/// </summary>
public sealed class AccountAudit(IAuditLog log, IdentityStoreDbContext db, TimeProvider time)
{
    public const string SubjectType = SignInAudit.SubjectType;

    /// <summary>
    /// A sign-in: the audit entry and the user's last sign-in time, written without the account's concurrency
    /// stamp, so a parallel request that changed the account (a code used twice at once) never turns a
    /// successful sign-in into a conflict.
    /// </summary>
    public async Task SignedInAsync(SportelloUser user, string action = AuditActions.SignedIn, string? detail = null, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.LastSignInUtc, now), ct);
        user.LastSignInUtc = now;
        await RecordAsync(action, user, detail: detail, ct: ct);
    }

    /// <param name="byOthers">Someone else acts on the account (an operator, a recipe): never its owner, "sistema" when nobody is signed in.</param>
    public async Task RecordAsync(string action, SportelloUser? subject, string? email = null, string? detail = null, CancellationToken ct = default, bool byOthers = false)
    {
        log.Add(db, new AuditRecord(action)
        {
            SubjectType = SubjectType,
            SubjectId = subject?.Id,
            SubjectName = subject?.Email ?? email,
            Actor = subject is null || byOthers ? null : (subject.Id, subject.DisplayName),
            Details = detail is null ? null : new Dictionary<string, object?> { ["detail"] = detail },
        });
        await db.SaveChangesAsync(ct);
    }
}
