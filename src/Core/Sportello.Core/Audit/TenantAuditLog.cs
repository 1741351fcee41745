using Sportello.Core.Security;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Sportello.Core.Storage;

namespace Sportello.Core.Audit;

/// <summary>
/// Fills in who acted (the signed-in user, an operator acting for support, or "sistema" for jobs and handlers), when
/// and from which address, and keeps the entry in the tenant's store.
/// </summary>
internal sealed class TenantAuditLog(KernelDbContext kernel, IHttpContextAccessor http, TimeProvider time) : IAuditLog
{
    /// <summary>Claim an operator's session carries while acting for a customer: the operator's name.</summary>
    public const string SupportClaim = "support_operator";

    public AuditEntry Add(DbContext db, AuditRecord record)
    {
        var entry = Entry(record);
        db.Set<AuditEntry>().Add(entry);
        return entry;
    }

    public async Task<AuditEntry> RecordAsync(AuditRecord record, CancellationToken ct = default)
    {
        var entry = Add(kernel, record);
        await kernel.SaveChangesAsync(ct);
        return entry;
    }

    private AuditEntry Entry(AuditRecord record)
    {
        var context = http.HttpContext;
        var user = context?.User;
        var signedIn = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        var (kind, id, name) = signedIn is not null
            ? user!.FindFirstValue(SupportClaim) is { } operatorName
                ? (AuditActorKind.Support, signedIn, operatorName)
                : record.BySupport
                ? (AuditActorKind.Support, signedIn, user!.DisplayName() ?? signedIn)
                : (AuditActorKind.User, signedIn, user!.DisplayName() ?? signedIn)
            : record.Actor is { } given
                ? (AuditActorKind.User, given.Id, given.Name)
                : (AuditActorKind.System, (string?)null, "sistema");
        return new AuditEntry
        {
            Id = Guid.CreateVersion7(),
            OccurredUtc = time.GetUtcNow().UtcDateTime,
            ActorKind = kind.ToString().ToLowerInvariant(),
            ActorId = id,
            ActorName = Cut(name, 200),
            IpAddress = context?.Connection.RemoteIpAddress?.ToString(),
            Action = record.Action,
            SubjectType = record.SubjectType,
            SubjectId = record.SubjectId,
            SubjectName = record.SubjectName is null ? null : Cut(record.SubjectName, 256),
            OrganizationId = record.OrganizationId,
            Details = record.Details is { Count: > 0 } details ? Cut(JsonSerializer.Serialize(details, SportelloJson.Options), AuditModel.MaxDetails) : null,
        };
    }

    private static string Cut(string value, int length) => value.Length <= length ? value : value[..length];
}
