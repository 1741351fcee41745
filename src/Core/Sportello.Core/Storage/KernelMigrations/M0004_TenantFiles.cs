using FluentMigrator;

namespace Sportello.Core.Storage.KernelMigrations;

/// <summary>Files modules store for the tenant: descriptions apart from the bytes, so lists never read the bytes.</summary>
[Migration(4, "Tenant files")]
public sealed class M0004_TenantFiles : Migration
{
    public override void Up()
    {
        Create.Table("TenantFiles")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("Name").AsString(200).NotNullable()
            .WithColumn("Kind").AsString(16).NotNullable()
            .WithColumn("Size").AsInt64().NotNullable()
            .WithColumn("Sha256").AsString(64).NotNullable()
            .WithColumn("Module").AsString(50).NotNullable()
            .WithColumn("Purpose").AsString(100).NotNullable()
            .WithColumn("SubjectType").AsString(50).Nullable()
            .WithColumn("SubjectId").AsString(64).Nullable()
            .WithColumn("OrganizationId").AsString(64).Nullable()
            .WithColumn("ReadPermission").AsString(100).Nullable()
            .WithColumn("UploadedBy").AsString(64).Nullable()
            .WithColumn("UploadedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("DeleteAfterUtc").AsDateTimeOffset().Nullable();
        Create.Index("IX_TenantFiles_DeleteAfter").OnTable("TenantFiles").OnColumn("DeleteAfterUtc").Ascending();
        Create.Index("IX_TenantFiles_Subject").OnTable("TenantFiles")
            .OnColumn("SubjectType").Ascending().OnColumn("SubjectId").Ascending();

        Create.Table("TenantFileContents")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("Content").AsBinary(int.MaxValue).NotNullable();
    }

    public override void Down()
    {
        Delete.Table("TenantFileContents");
        Delete.Table("TenantFiles");
    }
}
