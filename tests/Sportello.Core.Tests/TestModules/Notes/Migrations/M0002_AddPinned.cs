using FluentMigrator;

namespace Sportello.Core.Tests.TestModules.Notes.Migrations;

[Migration(2)]
public sealed class M0002_AddPinned : Migration
{
    public override void Up() =>
        Alter.Table("Notes_Items").AddColumn("Pinned").AsBoolean().NotNullable().WithDefaultValue(false);

    public override void Down() => Delete.Column("Pinned").FromTable("Notes_Items");
}
