using FluentMigrator;

namespace Sportello.Mail.Migrations;

[Migration(2, "When a tenant's template last failed to render, and why")]
public sealed class M0002_TemplateFailures : Migration
{
    public override void Up() =>
        Alter.Table("Mail_Templates")
            .AddColumn("LastFailureUtc").AsDateTimeOffset().Nullable()
            .AddColumn("LastFailure").AsString(500).Nullable();

    public override void Down()
    {
        Delete.Column("LastFailureUtc").FromTable("Mail_Templates");
        Delete.Column("LastFailure").FromTable("Mail_Templates");
    }
}
