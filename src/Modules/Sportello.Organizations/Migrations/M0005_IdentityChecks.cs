using FluentMigrator;

namespace Sportello.Organizations.Migrations;

[Migration(5, "Identity checks: confirmed mobile, document photos, operator decision")]
public sealed class M0005_IdentityChecks : Migration
{
    public override void Up()
    {
        Create.Table("Organizations_IdentityChecks")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("UserId").AsString(64).NotNullable().Indexed("IX_Organizations_IdentityChecks_User")
            .WithColumn("Email").AsString(256).NotNullable()
            .WithColumn("DisplayName").AsString(200).NotNullable()
            .WithColumn("OrganizationId").AsGuid().Nullable()
            .WithColumn("Purpose").AsString(30).NotNullable()
            .WithColumn("Note").AsString(1000).NotNullable()
            .WithColumn("Subject").AsString(100).Nullable()
            .WithColumn("TokenHash").AsString(64).NotNullable().Unique("UX_Organizations_IdentityChecks_Token")
            .WithColumn("Status").AsString(20).NotNullable().Indexed("IX_Organizations_IdentityChecks_Status")
            .WithColumn("OpenedByName").AsString(200).NotNullable()
            .WithColumn("OpenedByRule").AsBoolean().NotNullable().WithDefaultValue(false)
            .WithColumn("OpenedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("LinkSentUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("Phone").AsString(30).Nullable()
            .WithColumn("CodeHash").AsString(64).Nullable()
            .WithColumn("CodeSentUtc").AsDateTimeOffset().Nullable()
            .WithColumn("CodeAttempts").AsInt32().NotNullable().WithDefaultValue(0)
            .WithColumn("CodesSent").AsInt32().NotNullable().WithDefaultValue(0)
            .WithColumn("PhoneConfirmedUtc").AsDateTimeOffset().Nullable()
            .WithColumn("FrontFileId").AsGuid().Nullable()
            .WithColumn("BackFileId").AsGuid().Nullable()
            .WithColumn("SelfieFileId").AsGuid().Nullable()
            .WithColumn("SubmittedUtc").AsDateTimeOffset().Nullable()
            .WithColumn("DecidedByName").AsString(200).Nullable()
            .WithColumn("DecidedUtc").AsDateTimeOffset().Nullable()
            .WithColumn("Reason").AsString(1000).Nullable();
    }

    public override void Down() => Delete.Table("Organizations_IdentityChecks");
}
