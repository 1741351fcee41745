namespace Sportello.Core.Files;

/// <summary>
/// A file a module stored for the tenant: what it is, whose it is, who may read it and until when it is kept. The
/// bytes are in <see cref="TenantFileContent"/>, loaded only to download.
/// </summary>
public sealed class TenantFile
{
    public const int MaxName = 200;

    public Guid Id { get; set; }

    /// <summary>The name it was uploaded with, reduced to safe characters.</summary>
    public required string Name { get; set; }
    public FileKind Kind { get; set; }
    public long Size { get; set; }

    /// <summary>SHA-256 of the content, in lower-case hex: lets a module tell the same document uploaded twice.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The module that stored it; downloads stop when the module is turned off for the tenant.</summary>
    public required string Module { get; set; }

    /// <summary>What it is for, in the module's words: <c>identity-document</c>, <c>signed-contract</c>.</summary>
    public required string Purpose { get; set; }
    public string? SubjectType { get; set; }
    public string? SubjectId { get; set; }
    public string? OrganizationId { get; set; }

    /// <summary>The permission that lets someone other than the uploader download it; null: the uploader only.</summary>
    public string? ReadPermission { get; set; }

    public string? UploadedBy { get; set; }
    public DateTime UploadedUtc { get; set; }

    /// <summary>When the purge job deletes it; null: kept until a module deletes it.</summary>
    public DateTime? DeleteAfterUtc { get; set; }
}

/// <summary>A stored file's bytes, apart from its description so lists never load them.</summary>
public sealed class TenantFileContent
{
    public Guid Id { get; set; }
    public required byte[] Content { get; set; }
}
