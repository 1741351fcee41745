using FluentMigrator;

namespace Sportello.Organizations.Migrations;

[Migration(1, "Organizations and their members")]
public sealed class M0001_CreateOrganizations : Migration
{
    public override void Up()
    {
        Create.Table("Organizations_Organizations")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("LegalName").AsString(200).NotNullable()
            .WithColumn("Kind").AsString(20).NotNullable()
            .WithColumn("CodiceFiscale").AsString(16).Nullable()
            .WithColumn("PartitaIva").AsString(11).Nullable()
            .WithColumn("Street").AsString(200).Nullable()
            .WithColumn("Cap").AsString(5).Nullable()
            .WithColumn("City").AsString(100).Nullable()
            .WithColumn("Province").AsString(2).Nullable()
            .WithColumn("Country").AsString(2).NotNullable()
            .WithColumn("Pec").AsString(254).Nullable()
            .WithColumn("RecipientCode").AsString(7).Nullable()
            .WithColumn("ContactEmail").AsString(254).Nullable()
            .WithColumn("ContactPhone").AsString(20).Nullable()
            .WithColumn("Language").AsString(5).NotNullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("UpdatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("Version").AsInt32().NotNullable();
        Create.Index("IX_Organizations_CodiceFiscale").OnTable("Organizations_Organizations").OnColumn("CodiceFiscale");
        Create.Index("IX_Organizations_PartitaIva").OnTable("Organizations_Organizations").OnColumn("PartitaIva");

        Create.Table("Organizations_Members")
            .WithColumn("OrganizationId").AsGuid().NotNullable().PrimaryKey()
            .WithColumn("UserId").AsString(64).NotNullable().PrimaryKey()
            .WithColumn("Email").AsString(254).NotNullable()
            .WithColumn("DisplayName").AsString(200).NotNullable()
            .WithColumn("Role").AsString(30).NotNullable()
            .WithColumn("JoinedUtc").AsDateTimeOffset().NotNullable();
        Create.Index("IX_Organizations_Members_User").OnTable("Organizations_Members").OnColumn("UserId");
    }

    public override void Down()
    {
        Delete.Table("Organizations_Members");
        Delete.Table("Organizations_Organizations");
    }
}
