using FluentMigrator;

namespace Sportello.Core.Storage.HostMigrations;

/// <summary>One row per run of the cluster heartbeat job: which node ran the tick, for operators (and the two-node test).</summary>
[Migration(3, "Cluster heartbeats")]
public sealed class M0003_ClusterHeartbeats : Migration
{
    public override void Up()
    {
        Create.Table("ClusterHeartbeats")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("Node").AsString(200).NotNullable()
            .WithColumn("ScheduledUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("FiredUtc").AsDateTimeOffset().NotNullable();
        Create.Index("IX_ClusterHeartbeats_ScheduledUtc").OnTable("ClusterHeartbeats").OnColumn("ScheduledUtc");
    }

    public override void Down() => Delete.Table("ClusterHeartbeats");
}
