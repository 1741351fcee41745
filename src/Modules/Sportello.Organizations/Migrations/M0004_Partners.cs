using FluentMigrator;

namespace Sportello.Organizations.Migrations;

[Migration(4, "Partner program: applications, clients with their access, partner staff, quote requests; the affiliate flag")]
public sealed class M0004_Partners : Migration
{
    public override void Up()
    {
        Alter.Table("Organizations_Organizations").AddColumn("IsAffiliate").AsBoolean().NotNullable().WithDefaultValue(false);

        Create.Table("Organizations_Partners")
            .WithColumn("OrganizationId").AsGuid().PrimaryKey()
            .WithColumn("Status").AsString(20).NotNullable()
            .WithColumn("Website").AsString(200).NotNullable()
            .WithColumn("ServedAreas").AsString(200).NotNullable()
            .WithColumn("Motivation").AsString(2000).Nullable()
            .WithColumn("AppliedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("AppliedByName").AsString(200).NotNullable()
            .WithColumn("DecidedUtc").AsDateTimeOffset().Nullable()
            .WithColumn("DecidedByName").AsString(200).Nullable()
            .WithColumn("Reason").AsString(1000).Nullable()
            .WithColumn("Benefit").AsString(20).Nullable()
            .WithColumn("Percent").AsDecimal(5, 2).Nullable()
            .WithColumn("Listed").AsBoolean().NotNullable();

        Create.Table("Organizations_PartnerClients")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("PartnerId").AsGuid().NotNullable().Indexed("IX_Organizations_PartnerClients_Partner")
            .WithColumn("ClientId").AsGuid().Nullable().Indexed("IX_Organizations_PartnerClients_Client")
            .WithColumn("Status").AsString(20).NotNullable()
            .WithColumn("Access").AsString(20).NotNullable()
            .WithColumn("Areas").AsString(500).NotNullable()
            .WithColumn("Billing").AsBoolean().NotNullable()
            .WithColumn("ProposedData").AsString(4000).Nullable()
            .WithColumn("ProposedName").AsString(200).Nullable()
            .WithColumn("InviteEmail").AsString(254).Nullable()
            .WithColumn("TokenHash").AsString(64).Nullable().Unique()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("ExpiresUtc").AsDateTimeOffset().Nullable()
            .WithColumn("ActivatedUtc").AsDateTimeOffset().Nullable()
            .WithColumn("EndedUtc").AsDateTimeOffset().Nullable()
            .WithColumn("EndedBy").AsString(10).Nullable();

        Create.Table("Organizations_PartnerStaff")
            .WithColumn("PartnerClientId").AsGuid().NotNullable().PrimaryKey()
            .WithColumn("UserId").AsString(64).NotNullable().PrimaryKey().Indexed("IX_Organizations_PartnerStaff_User");

        Create.Table("Organizations_QuoteRequests")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("PartnerId").AsGuid().NotNullable().Indexed("IX_Organizations_QuoteRequests_Partner")
            .WithColumn("Name").AsString(200).NotNullable()
            .WithColumn("Email").AsString(254).NotNullable()
            .WithColumn("Phone").AsString(20).Nullable()
            .WithColumn("Message").AsString(2000).NotNullable()
            .WithColumn("ReceivedUtc").AsDateTimeOffset().NotNullable();
    }

    public override void Down()
    {
        Delete.Table("Organizations_QuoteRequests");
        Delete.Table("Organizations_PartnerStaff");
        Delete.Table("Organizations_PartnerClients");
        Delete.Table("Organizations_Partners");
        Delete.Column("IsAffiliate").FromTable("Organizations_Organizations");
    }
}
