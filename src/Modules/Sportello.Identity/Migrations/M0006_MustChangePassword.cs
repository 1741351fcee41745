using FluentMigrator;

namespace Sportello.Identity.Migrations;

[Migration(6, "Users asked to choose a new password at their next sign-in")]
public sealed class M0006_MustChangePassword : Migration
{
    public override void Up() => Alter.Table("Identity_Users").AddColumn("MustChangePassword").AsBoolean().NotNullable().WithDefaultValue(false);

    public override void Down() => Delete.Column("MustChangePassword").FromTable("Identity_Users");
}
