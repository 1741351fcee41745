using FluentMigrator;

namespace Sportello.Core.Storage.KernelMigrations;

[Migration(2, "Deliveries of each event to each handler")]
public sealed class M0002_OutboxDeliveries : Migration
{
    public override void Up() =>
        Create.Table("OutboxDeliveries")
            .WithColumn("MessageId").AsGuid().NotNullable().PrimaryKey()
            .WithColumn("Handler").AsString(200).NotNullable().PrimaryKey()
            .WithColumn("DeliveredUtc").AsDateTimeOffset().NotNullable();

    public override void Down() => Delete.Table("OutboxDeliveries");
}
