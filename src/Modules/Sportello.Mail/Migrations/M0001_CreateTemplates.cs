using FluentMigrator;

namespace Sportello.Mail.Migrations;

[Migration(1, "Tenant-edited mail templates")]
public sealed class M0001_CreateTemplates : Migration
{
    public override void Up() =>
        Create.Table("Mail_Templates")
            .WithColumn("Key").AsString(100).PrimaryKey()
            .WithColumn("Language").AsString(2).PrimaryKey()
            .WithColumn("Subject").AsString(300).NotNullable()
            .WithColumn("Body").AsString(int.MaxValue).NotNullable()
            .WithColumn("UpdatedUtc").AsDateTimeOffset().NotNullable();

    public override void Down() => Delete.Table("Mail_Templates");
}
