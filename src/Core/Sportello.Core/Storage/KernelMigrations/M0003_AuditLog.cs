using FluentMigrator;

namespace Sportello.Core.Storage.KernelMigrations;

[Migration(3, "The tenant's audit log, for every module")]
public sealed class M0003_AuditLog : Migration
{
    public override void Up()
    {
        Create.Table("AuditEntries")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("OccurredUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("ActorKind").AsString(16).NotNullable()
            .WithColumn("ActorId").AsString(64).Nullable()
            .WithColumn("ActorName").AsString(200).NotNullable()
            .WithColumn("IpAddress").AsString(64).Nullable()
            .WithColumn("Action").AsString(100).NotNullable()
            .WithColumn("SubjectType").AsString(50).Nullable()
            .WithColumn("SubjectId").AsString(64).Nullable()
            .WithColumn("SubjectName").AsString(256).Nullable()
            .WithColumn("OrganizationId").AsString(64).Nullable()
            .WithColumn("Details").AsString(4000).Nullable();

        Create.Index("IX_AuditEntries_Occurred").OnTable("AuditEntries").OnColumn("OccurredUtc").Descending();
        Create.Index("IX_AuditEntries_Subject").OnTable("AuditEntries")
            .OnColumn("SubjectType").Ascending().OnColumn("SubjectId").Ascending();
        Create.Index("IX_AuditEntries_Organization").OnTable("AuditEntries").OnColumn("OrganizationId").Ascending();
    }

    public override void Down() => Delete.Table("AuditEntries");
}
