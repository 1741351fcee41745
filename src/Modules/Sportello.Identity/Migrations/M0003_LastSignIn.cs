using FluentMigrator;

namespace Sportello.Identity.Migrations;

[Migration(3, "When each user last signed in")]
public sealed class M0003_LastSignIn : Migration
{
    public override void Up() => Alter.Table("Identity_Users").AddColumn("LastSignInUtc").AsDateTimeOffset().Nullable();

    public override void Down() => Delete.Column("LastSignInUtc").FromTable("Identity_Users");
}
