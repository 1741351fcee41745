namespace Sportello.Core.Audit;

/// <summary>What a module asks the audit log to remember; the actor, time and address are filled in by the log.</summary>
public sealed record AuditRecord(string Action)
{
    public string? SubjectType { get; init; }
    public string? SubjectId { get; init; }
    public string? SubjectName { get; init; }
    public string? OrganizationId { get; init; }

    /// <summary>Who acted when nobody is signed in yet (the person signing in, say); otherwise the signed-in user is.</summary>
    public (string Id, string Name)? Actor { get; init; }

    /// <summary>The signed-in user acts as the tenant's support inside a customer's content: recorded as kind "support".</summary>
    public bool BySupport { get; init; }

    /// <summary>Names and values worth keeping (a reason, the old and new state); serialized as a JSON object.</summary>
    public IReadOnlyDictionary<string, object?>? Details { get; init; }

    public static AuditRecord Of(string action, string subjectType, string? subjectId, string? subjectName = null) =>
        new(action) { SubjectType = subjectType, SubjectId = subjectId, SubjectName = subjectName };
}
