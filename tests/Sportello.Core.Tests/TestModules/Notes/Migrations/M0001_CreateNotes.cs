using FluentMigrator;

namespace Sportello.Core.Tests.TestModules.Notes.Migrations;

[Migration(1)]
public sealed class M0001_CreateNotes : Migration
{
    public override void Up() =>
        Create.Table("Notes_Items")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("Key").AsString(100).NotNullable()
            .WithColumn("Text").AsString(1000).NotNullable();

    public override void Down() => Delete.Table("Notes_Items");
}
