using FluentMigrator;

namespace Sportello.Billing.Migrations;

[Migration(3, "Billing: issued pro-formas and invoices")]
public sealed class M0003_Documents : Migration
{
    public override void Up()
    {
        Create.Table("Billing_Documents")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("Kind").AsString(20).NotNullable()
            .WithColumn("Number").AsString(20).NotNullable()
            .WithColumn("OrderId").AsGuid().NotNullable()
            .WithColumn("OrderNumber").AsString(20).NotNullable()
            .WithColumn("OrganizationId").AsGuid().NotNullable().Indexed("IX_Billing_Documents_Organization")
            .WithColumn("OrganizationName").AsString(200).NotNullable()
            .WithColumn("IssuedUtc").AsDateTimeOffset().NotNullable().Indexed("IX_Billing_Documents_Issued")
            .WithColumn("Currency").AsString(3).NotNullable()
            .WithColumn("Net").AsDecimal(12, 2).NotNullable()
            .WithColumn("Vat").AsDecimal(12, 2).NotNullable()
            .WithColumn("Total").AsDecimal(12, 2).NotNullable()
            .WithColumn("Content").AsString(int.MaxValue).NotNullable();
        // One pro-forma and one invoice per order, even when two payments race; a number is never given twice.
        Create.Index("UX_Billing_Documents_Order").OnTable("Billing_Documents").OnColumn("OrderId").Ascending().OnColumn("Kind").Ascending()
            .WithOptions().Unique();
        Create.Index("UX_Billing_Documents_Number").OnTable("Billing_Documents").OnColumn("Kind").Ascending().OnColumn("Number").Ascending()
            .WithOptions().Unique();
    }

    public override void Down() => Delete.Table("Billing_Documents");
}
