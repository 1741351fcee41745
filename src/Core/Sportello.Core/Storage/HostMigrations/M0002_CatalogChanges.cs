using FluentMigrator;

namespace Sportello.Core.Storage.HostMigrations;

/// <summary>
/// A catalog-wide change counter, stamped on every row it changes, so a node can ask "what changed since version N"
/// with one indexed query; and the time of each tenant's last request, flushed by the nodes now and then.
/// </summary>
[Migration(2, "Catalog change counter and last request")]
public sealed class M0002_CatalogChanges : Migration
{
    public override void Up()
    {
        Create.Table("CatalogVersion")
            .WithColumn("Id").AsInt32().PrimaryKey()
            .WithColumn("Value").AsInt64().NotNullable();
        Insert.IntoTable("CatalogVersion").Row(new { Id = 1, Value = 0L });

        Alter.Table("Tenants")
            .AddColumn("ChangeVersion").AsInt64().NotNullable().WithDefaultValue(0L)
            .AddColumn("LastRequestUtc").AsDateTimeOffset().Nullable();
        Create.Index("IX_Tenants_ChangeVersion").OnTable("Tenants").OnColumn("ChangeVersion");
    }

    public override void Down()
    {
        Delete.Index("IX_Tenants_ChangeVersion").OnTable("Tenants");
        Delete.Column("ChangeVersion").Column("LastRequestUtc").FromTable("Tenants");
        Delete.Table("CatalogVersion");
    }
}
