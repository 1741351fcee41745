using Microsoft.Extensions.Time.Testing;
using Sportello.Core.Audit;
using Sportello.Core.Files;
using Sportello.Core.Storage;
using Sportello.Core.Validation;
using Sportello.Testing;

namespace Sportello.Core.Tests.Files;

/// <summary>Files in the tenant store: checked before anything is written, kept for their retention, purged with an audit entry.</summary>
public abstract class TenantFilesTests(StoreKind kind) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private SportelloApp _app = null!;

    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    public async Task InitializeAsync()
    {
        _app = await SportelloApp.StartAsync(kind, provision: false, time: _time, settings: new Dictionary<string, string?> { ["Sportello:Files:MaxSize"] = "4096" });
        await _app.RunRecipeAsync(SportelloApp.TenantRecipe("alfa", "alfa", ["pages"]));
        await _app.RunRecipeAsync(SportelloApp.TenantRecipe("beta", "beta", ["pages"]));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<TenantFile> SaveAsync(string tenant, string name, byte[] content, Func<FileUpload, FileUpload>? change = null) =>
        _app.InTenantAsync(tenant, sp =>
        {
            var upload = new FileUpload(name, new MemoryStream(content), "pages", "test-document") { Field = "Documento" };
            return sp.GetRequiredService<ITenantFiles>().SaveAsync(change is null ? upload : change(upload));
        });

    private async Task<string> RefusalAsync(string name, byte[] content, Func<FileUpload, FileUpload>? change = null)
    {
        var refused = await Assert.ThrowsAsync<SportelloValidationException>(() => SaveAsync("alfa", name, content, change));
        var problem = Assert.Single(refused.Problems);
        Assert.Equal("Documento", problem.Field);
        return problem.Message;
    }

    private Task<(int Files, int Contents)> CountAsync(string tenant) =>
        _app.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<KernelDbContext>();
            return (await db.Set<TenantFile>().CountAsync(), await db.Set<TenantFileContent>().CountAsync());
        });

    [Fact]
    public async Task Uploads_are_checked_before_anything_is_stored()
    {
        var stored = await SaveAsync("alfa", "..\\visura camerale.pdf", Pdf);
        Assert.Equal(("visura camerale.pdf", FileKind.Pdf, Pdf.Length), (stored.Name, stored.Kind, (int)stored.Size));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), stored.Sha256);
        Assert.Equal(Pdf, await _app.InTenantAsync("alfa", sp => sp.GetRequiredService<ITenantFiles>().ReadAsync(stored.Id)));

        Assert.Equal("Il file «grande.pdf» supera il limite di 4 KB.", await RefusalAsync("grande.pdf", [.. Pdf, .. new byte[5000]]));
        Assert.Equal("Il file «piccolo.pdf» supera il limite di 20 byte.", await RefusalAsync("piccolo.pdf", Pdf, u => u with { MaxSize = 20 }));
        Assert.Equal("Il file «foto.pdf» si chiama come un file PDF ma il suo contenuto è PNG: il file non è stato caricato.", await RefusalAsync("foto.pdf", Png));
        Assert.Equal("Il file «documento.pdf» si chiama come un file PDF ma il suo contenuto non è di un tipo riconosciuto: il file non è stato caricato.",
            await RefusalAsync("documento.pdf", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00]));
        Assert.Equal("Il file «setup.exe» non è di un tipo accettato: carica un file PDF, PNG o JPEG.", await RefusalAsync("setup.exe", Pdf));
        Assert.Equal("Il file «foto.png» non è di un tipo accettato: carica un file PDF.", await RefusalAsync("foto.png", Png, u => u with { Accept = [FileKind.Pdf] }));
        Assert.Equal("Il file «elenco.csv» si chiama come un file CSV ma il suo contenuto non è di un tipo riconosciuto: il file non è stato caricato.",
            await RefusalAsync("elenco.csv", "nome;cognome\n\0\0"u8.ToArray(), u => u with { Accept = [FileKind.Csv] }));
        Assert.Equal("Il file «vuoto.pdf» è vuoto.", await RefusalAsync("vuoto.pdf", []));

        var csv = await SaveAsync("alfa", "elenco.csv", "nome;cognome\r\nMario;Rossi\r\n"u8.ToArray(), u => u with { Accept = [FileKind.Csv] });
        Assert.Equal(FileKind.Csv, csv.Kind);
        Assert.Equal((2, 2), await CountAsync("alfa")); // none of the refused left a row or bytes behind
        Assert.Null(await _app.InTenantAsync("beta", sp => sp.GetRequiredService<ITenantFiles>().FindAsync(stored.Id))); // each tenant its own
    }

    [Fact]
    public async Task Files_past_their_retention_are_purged_and_each_purge_is_audited()
    {
        var document = await SaveAsync("alfa", "documento.pdf", Pdf, u => u with { Retention = TimeSpan.FromHours(72), OrganizationId = "org-1" });
        var contract = await SaveAsync("alfa", "contratto.pdf", Pdf);
        Assert.Equal(0, await _app.InTenantAsync("alfa", sp => ActivatorUtilities.CreateInstance<FilesPurgeJob>(sp).RunAsync(_app.Registry.Find("alfa")!, default)));

        _time.Advance(TimeSpan.FromHours(72) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await _app.InTenantAsync("alfa", sp => ActivatorUtilities.CreateInstance<FilesPurgeJob>(sp).RunAsync(_app.Registry.Find("alfa")!, default)));

        Assert.Null(await _app.InTenantAsync("alfa", sp => sp.GetRequiredService<ITenantFiles>().FindAsync(document.Id)));
        Assert.NotNull(await _app.InTenantAsync("alfa", sp => sp.GetRequiredService<ITenantFiles>().FindAsync(contract.Id)));
        Assert.Equal((1, 1), await CountAsync("alfa"));

        var entry = Assert.Single(await _app.InTenantAsync("alfa", sp => sp.GetRequiredService<KernelDbContext>().Set<AuditEntry>().AsNoTracking().ToListAsync()));
        Assert.Equal((KernelAuditActions.FilesPurged, "file", document.Id.ToString(), "documento.pdf", "org-1", "sistema"),
            (entry.Action, entry.SubjectType, entry.SubjectId, entry.SubjectName, entry.OrganizationId, entry.ActorName));
        Assert.Contains("test-document", entry.DetailText());

        Assert.True(await _app.InTenantAsync("alfa", sp => sp.GetRequiredService<ITenantFiles>().DeleteAsync(contract.Id, "contratto sostituito")));
        Assert.Equal((0, 0), await CountAsync("alfa"));
    }
}

public sealed class TenantFilesTestsOnSqlite() : TenantFilesTests(StoreKind.Sqlite);

public sealed class TenantFilesTestsOnPostgres() : TenantFilesTests(StoreKind.Postgres);
