using FluentMigrator;

namespace Sportello.Core.Storage.KernelMigrations;

[Migration(1, "Outbox of domain events")]
public sealed class M0001_CreateOutbox : Migration
{
    public override void Up()
    {
        Create.Table("OutboxMessages")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("Type").AsString(256).NotNullable()
            .WithColumn("Payload").AsString(int.MaxValue).NotNullable()
            .WithColumn("OccurredUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("DispatchedUtc").AsDateTimeOffset().Nullable()
            .WithColumn("Attempts").AsInt32().NotNullable().WithDefaultValue(0)
            .WithColumn("NextAttemptUtc").AsDateTimeOffset().Nullable()
            .WithColumn("ClaimedUntilUtc").AsDateTimeOffset().Nullable()
            .WithColumn("GaveUpUtc").AsDateTimeOffset().Nullable()
            .WithColumn("LastError").AsString(int.MaxValue).Nullable();

        Create.Index("IX_OutboxMessages_Pending").OnTable("OutboxMessages")
            .OnColumn("DispatchedUtc").Ascending()
            .OnColumn("OccurredUtc").Ascending();
    }

    public override void Down() => Delete.Table("OutboxMessages");
}
