using FluentMigrator;

namespace Sportello.Identity.Migrations;

/// <summary>Passkeys (ASP.NET Core Identity schema version 3): one row per credential, its details as JSON.</summary>
[Migration(5, "Passkeys")]
public sealed class M0005_Passkeys : Migration
{
    public override void Up()
    {
        // EF Core stores the passkey's details as one JSON document: jsonb on PostgreSQL, text on SQLite.
        IfDatabase(type => type.StartsWith("Postgres", StringComparison.OrdinalIgnoreCase)).Create.Table("Identity_UserPasskeys")
            .WithColumn("CredentialId").AsBinary(1024).PrimaryKey()
            .WithColumn("UserId").AsString(450).NotNullable().ForeignKey("FK_UserPasskeys_Users", "Identity_Users", "Id").OnDelete(System.Data.Rule.Cascade)
                .Indexed("IX_Identity_UserPasskeys_User")
            .WithColumn("Data").AsCustom("jsonb").NotNullable();
        IfDatabase(type => type.StartsWith("SQLite", StringComparison.OrdinalIgnoreCase)).Create.Table("Identity_UserPasskeys")
            .WithColumn("CredentialId").AsBinary(1024).PrimaryKey()
            .WithColumn("UserId").AsString(450).NotNullable().ForeignKey("FK_UserPasskeys_Users", "Identity_Users", "Id").OnDelete(System.Data.Rule.Cascade)
                .Indexed("IX_Identity_UserPasskeys_User")
            .WithColumn("Data").AsString(int.MaxValue).NotNullable();
    }

    public override void Down() => Delete.Table("Identity_UserPasskeys");
}
