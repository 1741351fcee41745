using FluentMigrator;

namespace Sportello.Pages.Migrations;

[Migration(1, "Home page content")]
public sealed class M0001_CreateHome : Migration
{
    public override void Up()
    {
        Create.Table("Pages_Home")
            .WithColumn("Id").AsInt32().PrimaryKey()
            .WithColumn("Headline").AsString(150).NotNullable()
            .WithColumn("Intro").AsString(2000).NotNullable()
            .WithColumn("UpdatedUtc").AsDateTimeOffset().NotNullable();
    }

    public override void Down() => Delete.Table("Pages_Home");
}
