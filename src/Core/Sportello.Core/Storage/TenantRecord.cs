namespace Sportello.Core.Storage;

/// <summary>A catalog row: the settings as JSON, with the columns operators filter on kept beside it.</summary>
internal sealed class TenantRecord
{
    public required string Name { get; set; }
    public required string State { get; set; }
    public long Version { get; set; }
    public required string Settings { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>The catalog version of the write that last changed this row.</summary>
    public long ChangeVersion { get; set; }

    public DateTime? LastRequestUtc { get; set; }
}
