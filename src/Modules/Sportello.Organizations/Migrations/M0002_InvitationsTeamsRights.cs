using FluentMigrator;

namespace Sportello.Organizations.Migrations;

[Migration(2, "Invitations, teams, product rights and administrative contacts")]
public sealed class M0002_InvitationsTeamsRights : Migration
{
    public override void Up()
    {
        Alter.Table("Organizations_Members")
            .AddColumn("ReceivesInvoices").AsBoolean().NotNullable().WithDefaultValue(false)
            .AddColumn("ReceivesExpiryNotices").AsBoolean().NotNullable().WithDefaultValue(false)
            .AddColumn("ReceivesTechnicalNotices").AsBoolean().NotNullable().WithDefaultValue(false);

        // Organizations made before this had one person doing everything: their legal representatives keep receiving it all.
        Update.Table("Organizations_Members")
            .Set(new { ReceivesInvoices = true, ReceivesExpiryNotices = true, ReceivesTechnicalNotices = true })
            .Where(new { Role = "LegalRepresentative" });

        Create.Table("Organizations_Invitations")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("OrganizationId").AsGuid().NotNullable()
            .WithColumn("Email").AsString(254).NotNullable()
            .WithColumn("Role").AsString(30).NotNullable()
            .WithColumn("TokenHash").AsString(64).NotNullable().Unique()
            .WithColumn("InvitedByUserId").AsString(64).NotNullable()
            .WithColumn("InvitedByName").AsString(200).NotNullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("SentUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("ExpiresUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("Sendings").AsInt32().NotNullable()
            .WithColumn("RevokedUtc").AsDateTimeOffset().Nullable()
            .WithColumn("AcceptedUtc").AsDateTimeOffset().Nullable()
            .WithColumn("AcceptedUserId").AsString(64).Nullable();
        Create.Index("IX_Organizations_Invitations_Organization").OnTable("Organizations_Invitations").OnColumn("OrganizationId");
        Create.Index("IX_Organizations_Invitations_Email").OnTable("Organizations_Invitations").OnColumn("Email");

        Create.Table("Organizations_Teams")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("OrganizationId").AsGuid().NotNullable().Indexed("IX_Organizations_Teams_Organization")
            .WithColumn("Name").AsString(100).NotNullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable();

        Create.Table("Organizations_TeamMembers")
            .WithColumn("TeamId").AsGuid().NotNullable().PrimaryKey()
            .WithColumn("UserId").AsString(64).NotNullable().PrimaryKey().Indexed("IX_Organizations_TeamMembers_User");

        Create.Table("Organizations_Grants")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("OrganizationId").AsGuid().NotNullable()
            .WithColumn("UserId").AsString(64).Nullable()
            .WithColumn("TeamId").AsGuid().Nullable()
            .WithColumn("ProductRight").AsString(100).NotNullable();
        Create.Index("IX_Organizations_Grants_Organization").OnTable("Organizations_Grants").OnColumn("OrganizationId");
        Create.Index("IX_Organizations_Grants_Team").OnTable("Organizations_Grants").OnColumn("TeamId");
    }

    public override void Down()
    {
        Delete.Table("Organizations_Grants");
        Delete.Table("Organizations_TeamMembers");
        Delete.Table("Organizations_Teams");
        Delete.Table("Organizations_Invitations");
        Delete.Column("ReceivesInvoices").Column("ReceivesExpiryNotices").Column("ReceivesTechnicalNotices").FromTable("Organizations_Members");
    }
}
