using System.Security.Claims;
using Microsoft.AspNetCore.Http;
using Sportello.Identity.Data;

namespace Sportello.Identity.Domain;

/// <summary>Writes audit entries for security-relevant actions, with the acting user and the caller's address.</summary>
public sealed class AuditLog(IdentityStoreDbContext db, IHttpContextAccessor http, TimeProvider time)
{
    public async Task RecordAsync(string action, SportelloUser? subject, string? email = null, string? detail = null, CancellationToken ct = default)
    {
        var context = http.HttpContext;
        db.Set<AuditEntry>().Add(new AuditEntry
        {
            Id = Guid.CreateVersion7(),
            OccurredUtc = time.GetUtcNow().UtcDateTime,
            Action = action,
            SubjectUserId = subject?.Id,
            SubjectEmail = subject?.Email ?? email,
            ActorUserId = context?.User.FindFirstValue(ClaimTypes.NameIdentifier),
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
            Detail = detail,
        });
        await db.SaveChangesAsync(ct);
    }
}
