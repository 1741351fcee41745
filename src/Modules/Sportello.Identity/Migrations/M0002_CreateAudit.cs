using FluentMigrator;

namespace Sportello.Identity.Migrations;

[Migration(2, "Audit of security-relevant actions")]
public sealed class M0002_CreateAudit : Migration
{
    public override void Up()
    {
        Create.Table("Identity_Audit")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("OccurredUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("Action").AsString(50).NotNullable()
            .WithColumn("SubjectUserId").AsString(450).Nullable()
            .WithColumn("SubjectEmail").AsString(256).Nullable()
            .WithColumn("ActorUserId").AsString(450).Nullable()
            .WithColumn("IpAddress").AsString(45).Nullable()
            .WithColumn("Detail").AsString(1000).Nullable();
        Create.Index("IX_Identity_Audit_Subject").OnTable("Identity_Audit").OnColumn("SubjectUserId").Ascending().OnColumn("OccurredUtc").Descending();
    }

    public override void Down() => Delete.Table("Identity_Audit");
}
