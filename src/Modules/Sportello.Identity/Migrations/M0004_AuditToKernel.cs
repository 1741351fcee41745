using FluentMigrator;

namespace Sportello.Identity.Migrations;

/// <summary>Identity's own audit table moves into the kernel's log (every entry kept), then goes.</summary>
[Migration(4, "Audit entries moved to the kernel's log")]
public sealed class M0004_AuditToKernel : Migration
{
    // Tenant operations were written here too, as tenant-…; they become the tenants module's actions.
    private const string Copy = """
        INSERT INTO "AuditEntries" ("Id", "OccurredUtc", "ActorKind", "ActorId", "ActorName", "IpAddress", "Action", "SubjectType", "SubjectId", "SubjectName", "Details")
        SELECT a."Id", a."OccurredUtc",
               CASE WHEN a."ActorUserId" IS NULL AND a."SubjectUserId" IS NULL THEN 'system' ELSE 'user' END,
               COALESCE(a."ActorUserId", a."SubjectUserId"),
               CASE WHEN a."ActorUserId" IS NULL AND a."SubjectUserId" IS NULL THEN 'sistema'
                    ELSE COALESCE((SELECT u."DisplayName" FROM "Identity_Users" u WHERE u."Id" = COALESCE(a."ActorUserId", a."SubjectUserId")), COALESCE(a."ActorUserId", a."SubjectUserId")) END,
               a."IpAddress",
               CASE WHEN a."Action" LIKE 'tenant-%' THEN 'tenants.' || substr(a."Action", 8) ELSE 'identity.' || a."Action" END,
               CASE WHEN a."Action" LIKE 'tenant-%' THEN 'tenant' ELSE 'user' END,
               a."SubjectUserId", a."SubjectEmail",
               CASE WHEN a."Detail" IS NULL THEN NULL
                    ELSE '{"detail":"' || replace(replace(a."Detail", '\', '\\'), '"', '\"') || '"}' END
        FROM "Identity_Audit" a
        """;

    public override void Up()
    {
        // Portable SQL (SQLite and PostgreSQL): the old text becomes {"detail": "..."} with quotes and backslashes escaped.
        Execute.Sql(Copy);
        Delete.Table("Identity_Audit");
    }

    // Going back gives the older build its (empty) table; the entries stay in the kernel's log.
    public override void Down() =>
        Create.Table("Identity_Audit")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("OccurredUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("Action").AsString(50).NotNullable()
            .WithColumn("SubjectUserId").AsString(450).Nullable()
            .WithColumn("SubjectEmail").AsString(256).Nullable()
            .WithColumn("ActorUserId").AsString(450).Nullable()
            .WithColumn("IpAddress").AsString(45).Nullable()
            .WithColumn("Detail").AsString(1000).Nullable();
}
