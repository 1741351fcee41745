using System.Globalization;
using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sportello.Core.Audit;
using Sportello.Core.Hosting;
using Sportello.Core.Storage;
using Sportello.Core.Text;
using Sportello.Core.Validation;

namespace Sportello.Core.Files;

internal sealed class TenantFiles(KernelDbContext db, IAuditLog audit, IHttpContextAccessor http, IOptions<SportelloOptions> options, TimeProvider time) : ITenantFiles
{
    public async Task<TenantFile> SaveAsync(FileUpload upload, CancellationToken ct = default)
    {
        var limit = Math.Min(upload.MaxSize ?? long.MaxValue, options.Value.Files.MaxSize);
        var named = FileKinds.FromName(upload.FileName);
        if (named is not { } declared || !Accepts(upload.Accept, declared))
        {
            throw Refused(upload, new(
                $"Il file «{Shown(upload.FileName)}» non è di un tipo accettato: carica un file {Kinds(upload.Accept, "o")}.",
                $"The file «{Shown(upload.FileName)}» is not of an accepted type: upload a {Kinds(upload.Accept, "or")} file."));
        }

        var content = await ReadBoundedAsync(upload.Content, limit, ct);
        if (content is null)
        {
            throw Refused(upload, new(
                $"Il file «{Shown(upload.FileName)}» supera il limite di {Megabytes(limit)}.",
                $"The file «{Shown(upload.FileName)}» is over the {Megabytes(limit)} limit."));
        }

        if (content.Length == 0)
        {
            throw Refused(upload, new($"Il file «{Shown(upload.FileName)}» è vuoto.", $"The file «{Shown(upload.FileName)}» is empty."));
        }

        // The name may lie; the bytes decide. A CSV is text, so text content is what a .csv or .txt must hold.
        var sniffed = FileSniffer.Sniff(content);
        var matches = sniffed == declared || (sniffed == FileKind.Text && declared is FileKind.Csv or FileKind.Text);
        if (!matches)
        {
            throw Refused(upload, new(
                $"Il file «{Shown(upload.FileName)}» si chiama come un file {declared.Label()} ma il suo contenuto {(sniffed is { } actual ? "è " + actual.Label() : "non è di un tipo riconosciuto")}: il file non è stato caricato.",
                $"The file «{Shown(upload.FileName)}» is named as a {declared.Label()} file but its content {(sniffed is { } actualEn ? "is " + actualEn.Label() : "is of no recognised type")}: it was not uploaded."));
        }

        var now = time.GetUtcNow().UtcDateTime;
        var file = new TenantFile
        {
            Id = Guid.CreateVersion7(),
            Name = FileNames.Safe(upload.FileName),
            Kind = declared,
            Size = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Module = upload.Module,
            Purpose = upload.Purpose,
            SubjectType = upload.SubjectType,
            SubjectId = upload.SubjectId,
            OrganizationId = upload.OrganizationId,
            ReadPermission = upload.ReadPermission,
            UploadedBy = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier),
            UploadedUtc = now,
            DeleteAfterUtc = upload.Retention is { } keep ? now + keep : null,
        };
        db.Set<TenantFile>().Add(file);
        db.Set<TenantFileContent>().Add(new TenantFileContent { Id = file.Id, Content = content });
        await db.SaveChangesAsync(ct);
        return file;
    }

    // A file past its retention is gone for readers at once, not when the hourly purge gets to it.
    public Task<TenantFile?> FindAsync(Guid id, CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.Set<TenantFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id && (f.DeleteAfterUtc == null || f.DeleteAfterUtc > now), ct);
    }

    public async Task<byte[]?> ReadAsync(Guid id, CancellationToken ct = default) =>
        await FindAsync(id, ct) is null ? null
            : await db.Set<TenantFileContent>().AsNoTracking().Where(c => c.Id == id).Select(c => c.Content).FirstOrDefaultAsync(ct);

    public async Task<bool> DeleteAsync(Guid id, string reason, CancellationToken ct = default)
    {
        var file = await db.Set<TenantFile>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct);
        return file is not null && await RemoveAsync(file, KernelAuditActions.FileDeleted, reason, ct);
    }

    public async Task<int> PurgeExpiredAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var expired = await db.Set<TenantFile>().AsNoTracking().Where(f => f.DeleteAfterUtc != null && f.DeleteAfterUtc <= now).Take(500).ToListAsync(ct);
        var purged = 0;
        foreach (var file in expired)
        {
            purged += await RemoveAsync(file, KernelAuditActions.FilesPurged, "conservazione scaduta", ct) ? 1 : 0;
        }

        return purged;
    }

    /// <summary>
    /// The row, its bytes and the audit entry in one transaction: a purge is never half done, nor done unrecorded.
    /// A file another request (a second click, the purge job) deleted first is not deleted nor audited twice.
    /// </summary>
    private async Task<bool> RemoveAsync(TenantFile file, string action, string reason, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (await db.Set<TenantFile>().Where(f => f.Id == file.Id).ExecuteDeleteAsync(ct) == 0)
        {
            return false;
        }

        await db.Set<TenantFileContent>().Where(c => c.Id == file.Id).ExecuteDeleteAsync(ct);
        audit.Add(db, AuditRecord.Of(action, "file", file.Id.ToString(), file.Name) with
        {
            OrganizationId = file.OrganizationId,
            Details = new Dictionary<string, object?> { ["purpose"] = file.Purpose, ["module"] = file.Module, ["reason"] = reason },
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return true;
    }

    /// <summary>The content, or null as soon as it passes <paramref name="limit"/>: an oversized upload is never read whole.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(Stream content, long limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static bool Accepts(IReadOnlyList<FileKind> accept, FileKind kind) => accept.Contains(kind);

    private static SportelloValidationException Refused(FileUpload upload, LocalizedText message) => new(upload.Field, message.ToString());

    private static string Kinds(IReadOnlyList<FileKind> kinds, string or) =>
        kinds.Count == 1 ? kinds[0].Label() : string.Join(", ", kinds.SkipLast(1).Select(k => k.Label())) + $" {or} " + kinds[^1].Label();

    private static string Megabytes(long bytes) =>
        bytes >= 1024 * 1024 ? (bytes / (1024d * 1024)).ToString("0.#", CultureInfo.CurrentCulture) + " MB"
        : bytes >= 1024 ? (bytes / 1024d).ToString("0.#", CultureInfo.CurrentCulture) + " KB"
        : bytes.ToString(CultureInfo.CurrentCulture) + " byte";

    /// <summary>The name as a message shows it: short, without control characters.</summary>
    private static string Shown(string name) => FileNames.Safe(name);
}
