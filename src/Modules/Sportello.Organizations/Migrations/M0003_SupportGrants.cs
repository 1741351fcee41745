using FluentMigrator;

namespace Sportello.Organizations.Migrations;

[Migration(3, "Support access granted by organizations per product area")]
public sealed class M0003_SupportGrants : Migration
{
    public override void Up()
    {
        Create.Table("Organizations_SupportGrants")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("OrganizationId").AsGuid().NotNullable().Indexed("IX_Organizations_SupportGrants_Organization")
            .WithColumn("Area").AsString(50).NotNullable()
            .WithColumn("GrantedByUserId").AsString(64).NotNullable()
            .WithColumn("GrantedByName").AsString(200).NotNullable()
            .WithColumn("GrantedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("ExpiresUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("RevokedUtc").AsDateTimeOffset().Nullable();
    }

    public override void Down() => Delete.Table("Organizations_SupportGrants");
}
