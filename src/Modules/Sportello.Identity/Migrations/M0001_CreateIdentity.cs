using FluentMigrator;

namespace Sportello.Identity.Migrations;

/// <summary>ASP.NET Core Identity's tables (schema version 1), with the module's prefix and Sportello's own columns.</summary>
[Migration(1, "Users, roles, claims, logins and tokens")]
public sealed class M0001_CreateIdentity : Migration
{
    public override void Up()
    {
        Create.Table("Identity_Users")
            .WithColumn("Id").AsString(450).PrimaryKey()
            .WithColumn("UserName").AsString(256).Nullable()
            .WithColumn("NormalizedUserName").AsString(256).Nullable()
            .WithColumn("Email").AsString(256).Nullable()
            .WithColumn("NormalizedEmail").AsString(256).Nullable()
            .WithColumn("EmailConfirmed").AsBoolean().NotNullable()
            .WithColumn("PasswordHash").AsString(int.MaxValue).Nullable()
            .WithColumn("SecurityStamp").AsString(int.MaxValue).Nullable()
            .WithColumn("ConcurrencyStamp").AsString(int.MaxValue).Nullable()
            .WithColumn("PhoneNumber").AsString(int.MaxValue).Nullable()
            .WithColumn("PhoneNumberConfirmed").AsBoolean().NotNullable()
            .WithColumn("TwoFactorEnabled").AsBoolean().NotNullable()
            .WithColumn("LockoutEnd").AsDateTimeOffset().Nullable()
            .WithColumn("LockoutEnabled").AsBoolean().NotNullable()
            .WithColumn("AccessFailedCount").AsInt32().NotNullable()
            .WithColumn("DisplayName").AsString(200).NotNullable()
            .WithColumn("Culture").AsString(10).Nullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable();
        Create.Index("UserNameIndex").OnTable("Identity_Users").OnColumn("NormalizedUserName").Unique();
        Create.Index("EmailIndex").OnTable("Identity_Users").OnColumn("NormalizedEmail");

        Create.Table("Identity_Roles")
            .WithColumn("Id").AsString(450).PrimaryKey()
            .WithColumn("Name").AsString(256).Nullable()
            .WithColumn("NormalizedName").AsString(256).Nullable()
            .WithColumn("ConcurrencyStamp").AsString(int.MaxValue).Nullable()
            .WithColumn("Description").AsString(500).Nullable();
        Create.Index("RoleNameIndex").OnTable("Identity_Roles").OnColumn("NormalizedName").Unique();

        Create.Table("Identity_UserRoles")
            .WithColumn("UserId").AsString(450).PrimaryKey().ForeignKey("FK_UserRoles_Users", "Identity_Users", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("RoleId").AsString(450).PrimaryKey().ForeignKey("FK_UserRoles_Roles", "Identity_Roles", "Id").OnDelete(System.Data.Rule.Cascade);

        Create.Table("Identity_UserClaims")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("UserId").AsString(450).NotNullable().ForeignKey("FK_UserClaims_Users", "Identity_Users", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("ClaimType").AsString(int.MaxValue).Nullable()
            .WithColumn("ClaimValue").AsString(int.MaxValue).Nullable();

        Create.Table("Identity_RoleClaims")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("RoleId").AsString(450).NotNullable().ForeignKey("FK_RoleClaims_Roles", "Identity_Roles", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("ClaimType").AsString(int.MaxValue).Nullable()
            .WithColumn("ClaimValue").AsString(int.MaxValue).Nullable();

        Create.Table("Identity_UserLogins")
            .WithColumn("LoginProvider").AsString(128).PrimaryKey()
            .WithColumn("ProviderKey").AsString(128).PrimaryKey()
            .WithColumn("ProviderDisplayName").AsString(int.MaxValue).Nullable()
            .WithColumn("UserId").AsString(450).NotNullable().ForeignKey("FK_UserLogins_Users", "Identity_Users", "Id").OnDelete(System.Data.Rule.Cascade);

        Create.Table("Identity_UserTokens")
            .WithColumn("UserId").AsString(450).PrimaryKey().ForeignKey("FK_UserTokens_Users", "Identity_Users", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("LoginProvider").AsString(128).PrimaryKey()
            .WithColumn("Name").AsString(128).PrimaryKey()
            .WithColumn("Value").AsString(int.MaxValue).Nullable();
    }

    public override void Down()
    {
        Delete.Table("Identity_UserTokens");
        Delete.Table("Identity_UserLogins");
        Delete.Table("Identity_RoleClaims");
        Delete.Table("Identity_UserClaims");
        Delete.Table("Identity_UserRoles");
        Delete.Table("Identity_Roles");
        Delete.Table("Identity_Users");
    }
}
