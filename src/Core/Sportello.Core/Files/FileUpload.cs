namespace Sportello.Core.Files;

/// <summary>
/// What a module asks <see cref="ITenantFiles"/> to keep: the upload as the browser sent it, which kinds the module
/// takes, how large it may be, whose it is, who may read it and for how long.
/// </summary>
public sealed record FileUpload(string FileName, Stream Content, string Module, string Purpose)
{
    /// <summary>The form field it came from, so a refusal is shown beside it.</summary>
    public string Field { get; init; } = "file";

    /// <summary>The kinds accepted; by default documents and pictures.</summary>
    public IReadOnlyList<FileKind> Accept { get; init; } = [FileKind.Pdf, FileKind.Png, FileKind.Jpeg];

    /// <summary>A smaller limit than the platform's (<c>Sportello:Files:MaxSize</c>), never a larger one.</summary>
    public long? MaxSize { get; init; }

    public string? SubjectType { get; init; }
    public string? SubjectId { get; init; }
    public string? OrganizationId { get; init; }
    public string? ReadPermission { get; init; }

    /// <summary>Deleted by the purge job this long after the upload (identity documents: 72 hours).</summary>
    public TimeSpan? Retention { get; init; }
}
