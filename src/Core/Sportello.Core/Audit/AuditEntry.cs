using System.Text.Json;

namespace Sportello.Core.Audit;

/// <summary>
/// One line of a tenant's audit log: who (a user, the system, or an operator acting for support), when, from where,
/// what (an action key every module declares), on which subject, for which organization, and a few details as JSON.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; set; }
    public DateTime OccurredUtc { get; set; }

    /// <summary><see cref="AuditActorKind"/> in lower case: user, system or support.</summary>
    public required string ActorKind { get; set; }
    public string? ActorId { get; set; }
    public required string ActorName { get; set; }
    public string? IpAddress { get; set; }

    /// <summary>The module's id, a dot and what was done: <c>identity.user-locked</c>.</summary>
    public required string Action { get; set; }
    public string? SubjectType { get; set; }
    public string? SubjectId { get; set; }
    public string? SubjectName { get; set; }

    /// <summary>The organization the entry concerns, so its members can one day read their own log.</summary>
    public string? OrganizationId { get; set; }

    /// <summary>A small JSON object of names and values (at most 4,000 characters).</summary>
    public string? Details { get; set; }

    /// <summary>One text value of the details (the record a change named, say); null when absent or unreadable.</summary>
    public string? Detail(string name)
    {
        if (string.IsNullOrEmpty(Details))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(Details);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(name, out var value)
                && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return null; // cut at the log's limit, or written by an older build
        }
    }

    /// <summary>The details' values in one line, for pages and exports: "demo · 3 moduli".</summary>
    public string DetailText()
    {
        if (string.IsNullOrEmpty(Details))
        {
            return string.Empty;
        }

        try
        {
            using var document = JsonDocument.Parse(Details);
            return document.RootElement.ValueKind != JsonValueKind.Object
                ? document.RootElement.ToString()
                : string.Join(" · ", document.RootElement.EnumerateObject().Select(p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.ToString()));
        }
        catch (JsonException)
        {
            return Details;
        }
    }
}

public enum AuditActorKind
{
    User,
    System,
    Support,
}
