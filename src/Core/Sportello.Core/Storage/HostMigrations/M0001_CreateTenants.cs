using FluentMigrator;

namespace Sportello.Core.Storage.HostMigrations;

[Migration(1, "Tenant catalog")]
public sealed class M0001_CreateTenants : Migration
{
    public override void Up()
    {
        Create.Table("Tenants")
            .WithColumn("Name").AsString(63).PrimaryKey()
            .WithColumn("State").AsString(20).NotNullable()
            .WithColumn("Version").AsInt64().NotNullable()
            .WithColumn("Settings").AsString(int.MaxValue).NotNullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("UpdatedUtc").AsDateTimeOffset().NotNullable();
    }

    public override void Down() => Delete.Table("Tenants");
}
