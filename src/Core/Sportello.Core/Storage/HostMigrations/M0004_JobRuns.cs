using FluentMigrator;

namespace Sportello.Core.Storage.HostMigrations;

/// <summary>Every run of every scheduled job, per tenant or for the platform, for the back office's "Attività pianificate".</summary>
[Migration(4, "Job runs")]
public sealed class M0004_JobRuns : Migration
{
    public override void Up()
    {
        Create.Table("JobRuns")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("JobKey").AsString(100).NotNullable()
            .WithColumn("TenantName").AsString(100).Nullable()
            .WithColumn("RequestedBy").AsString(200).Nullable()
            .WithColumn("Node").AsString(200).NotNullable()
            .WithColumn("StartedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("FinishedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("Succeeded").AsBoolean().NotNullable()
            .WithColumn("Items").AsInt32().NotNullable()
            .WithColumn("Error").AsString(2000).Nullable();
        Create.Index("IX_JobRuns_Tenant").OnTable("JobRuns")
            .OnColumn("TenantName").Ascending().OnColumn("JobKey").Ascending().OnColumn("StartedUtc").Descending();
        Create.Index("IX_JobRuns_Started").OnTable("JobRuns").OnColumn("StartedUtc").Ascending();
    }

    public override void Down() => Delete.Table("JobRuns");
}
