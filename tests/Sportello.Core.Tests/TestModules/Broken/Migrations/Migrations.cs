using FluentMigrator;

namespace Sportello.Core.Tests.TestModules.Broken.Migrations;

[Migration(1)]
public sealed class M0001_CreateThings : Migration
{
    public override void Up() => Create.Table("Broken_Things").WithColumn("Id").AsInt32().PrimaryKey();

    public override void Down() => Delete.Table("Broken_Things");
}

[Migration(2)]
public sealed class M0002_Fails : Migration
{
    public override void Up()
    {
        Create.Table("Broken_Half").WithColumn("Id").AsInt32().PrimaryKey();
        Execute.Sql("THIS IS NOT SQL");
    }

    public override void Down() => Delete.Table("Broken_Half");
}
