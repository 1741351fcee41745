using FluentMigrator;

namespace Sportello.Identity.Migrations;

/// <summary>
/// The back office finds an account by a few letters of its name or e-mail among 100,000. On PostgreSQL trigram
/// indexes answer <c>LIKE '%…%'</c> on the upper-cased columns the search compares; on both stores the list's
/// order by name comes from an index.
/// </summary>
[Migration(7, "Account search by name or e-mail")]
public sealed class M0007_AccountSearch : Migration
{
    public override void Up()
    {
        Create.Index("IX_Identity_Users_DisplayName").OnTable("Identity_Users").OnColumn("DisplayName");

        // The extension lives once per database, in public, while tenants migrate their own schemas side by side:
        // the advisory lock (released with the migration's transaction) keeps two of them from creating it at once.
        IfDatabase(type => type.StartsWith("Postgres", StringComparison.OrdinalIgnoreCase)).Execute.Sql("""
            SELECT pg_advisory_xact_lock(7340571);
            CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public;
            CREATE INDEX "IX_Identity_Users_Email_Trigram" ON "Identity_Users" USING gin ("NormalizedEmail" public.gin_trgm_ops);
            CREATE INDEX "IX_Identity_Users_Name_Trigram" ON "Identity_Users" USING gin (upper("DisplayName") public.gin_trgm_ops);
            """);
    }

    public override void Down()
    {
        IfDatabase(type => type.StartsWith("Postgres", StringComparison.OrdinalIgnoreCase)).Execute.Sql("""
            DROP INDEX IF EXISTS "IX_Identity_Users_Email_Trigram";
            DROP INDEX IF EXISTS "IX_Identity_Users_Name_Trigram";
            """);
        Delete.Index("IX_Identity_Users_DisplayName").OnTable("Identity_Users");
    }
}
