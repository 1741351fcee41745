using Sportello.Core.Audit;
using Sportello.Core.Storage;
using Sportello.Core.Tests.TestModules.Notes;
using Sportello.Testing;

namespace Sportello.Core.Tests.Audit;

public abstract class AuditLogTests(StoreKind kind) : IAsyncLifetime
{
    private SportelloApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await SportelloApp.StartAsync(kind, provision: false);
        await _app.RunRecipeAsync(SportelloApp.TenantRecipe("alfa", "alfa", ["notes"]));
        await _app.RunRecipeAsync(SportelloApp.TenantRecipe("beta", "beta", ["notes"]));
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<List<AuditEntry>> EntriesAsync(string tenant) =>
        _app.InTenantAsync(tenant, sp => sp.GetRequiredService<KernelDbContext>().Set<AuditEntry>().AsNoTracking().ToListAsync());

    [Fact]
    public async Task Work_done_by_nobody_signed_in_is_the_systems_with_subject_organization_and_details()
    {
        await _app.InTenantAsync("alfa", sp => sp.GetRequiredService<IAuditLog>().RecordAsync(
            AuditRecord.Of("notes.purged", "note", "n-1", "Nota di prova") with
            {
                OrganizationId = "org-7",
                Details = new Dictionary<string, object?> { ["reason"] = "scaduta", ["count"] = 3 },
            }));

        var entry = Assert.Single(await EntriesAsync("alfa"));
        Assert.Equal(("system", null, "sistema"), (entry.ActorKind, entry.ActorId, entry.ActorName));
        Assert.Equal(("notes.purged", "note", "n-1", "Nota di prova", "org-7"), (entry.Action, entry.SubjectType, entry.SubjectId, entry.SubjectName, entry.OrganizationId));
        Assert.Equal("scaduta · 3", entry.DetailText());
        Assert.Empty(await EntriesAsync("beta")); // each tenant has its own log
    }

    [Fact]
    public async Task An_entry_added_to_a_context_shares_its_transaction()
    {
        await _app.InTenantAsync("alfa", async sp =>
        {
            var db = sp.GetRequiredService<NotesDbContext>();
            var audit = sp.GetRequiredService<IAuditLog>();
            await using (var rolledBack = await db.Database.BeginTransactionAsync())
            {
                db.Notes.Add(new Note { Id = Guid.NewGuid(), Key = "annullata", Text = "t" });
                audit.Add(db, new AuditRecord("notes.created") { Actor = ("u-1", "Marta Riva") });
                await db.SaveChangesAsync();
                await rolledBack.RollbackAsync();
            }

            db.ChangeTracker.Clear();
            db.Notes.Add(new Note { Id = Guid.NewGuid(), Key = "tenuta", Text = "t" });
            audit.Add(db, new AuditRecord("notes.created") { Actor = ("u-1", "Marta Riva") });
            await db.SaveChangesAsync();
            return 0;
        });

        var entry = Assert.Single(await EntriesAsync("alfa"));
        Assert.Equal(("user", "u-1", "Marta Riva"), (entry.ActorKind, entry.ActorId, entry.ActorName));
    }
}

public sealed class AuditLogTestsOnSqlite() : AuditLogTests(StoreKind.Sqlite);

public sealed class AuditLogTestsOnPostgres() : AuditLogTests(StoreKind.Postgres);
