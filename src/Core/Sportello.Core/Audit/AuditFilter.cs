using Sportello.Core.Tenancy;

namespace Sportello.Core.Audit;

/// <summary>
/// What the audit log's page and export narrow the log to: who (part of the name, or the user id), which action
/// (a key, or a module's prefix such as <c>identity.</c>), which subject (part of its id or name) and which local days.
/// </summary>
public sealed record AuditFilter(string? Actor = null, string? Action = null, string? Subject = null, DateOnly? From = null, DateOnly? To = null)
{
    public IQueryable<AuditEntry> Apply(IQueryable<AuditEntry> entries, Tenant tenant)
    {
        if (Clean(Actor) is { } actor)
        {
            var lower = actor.ToLowerInvariant();
            entries = entries.Where(e => e.ActorId == actor || e.ActorName.ToLower().Contains(lower));
        }

        if (Clean(Action) is { } action)
        {
            entries = action.EndsWith('.') ? entries.Where(e => e.Action.StartsWith(action)) : entries.Where(e => e.Action == action);
        }

        if (Clean(Subject) is { } subject)
        {
            var lower = subject.ToLowerInvariant();
            entries = entries.Where(e => e.SubjectId == subject || (e.SubjectName != null && e.SubjectName.ToLower().Contains(lower)));
        }

        if (From is { } from)
        {
            var start = tenant.StartOfDayUtc(from);
            entries = entries.Where(e => e.OccurredUtc >= start);
        }

        if (To is { } to)
        {
            var end = tenant.StartOfDayUtc(to.AddDays(1));
            entries = entries.Where(e => e.OccurredUtc < end);
        }

        return entries;
    }

    /// <summary>Newest first; the id breaks ties between entries of the same instant.</summary>
    public static IQueryable<AuditEntry> Newest(IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
