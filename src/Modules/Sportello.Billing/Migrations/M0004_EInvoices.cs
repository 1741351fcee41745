using FluentMigrator;

namespace Sportello.Billing.Migrations;

[Migration(4, "Billing: FatturaPA files and split payment")]
public sealed class M0004_EInvoices : Migration
{
    public override void Up()
    {
        Alter.Table("Billing_Orders")
            .AddColumn("SplitPayment").AsBoolean().NotNullable().WithDefaultValue(false)
            .AddColumn("Cig").AsString(15).Nullable()
            .AddColumn("Cup").AsString(15).Nullable();
        Create.Table("Billing_EInvoices")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("DocumentId").AsGuid().NotNullable()
            .WithColumn("DocumentKind").AsString(20).NotNullable()
            .WithColumn("DocumentNumber").AsString(20).NotNullable()
            .WithColumn("OrganizationId").AsGuid().NotNullable().Indexed("IX_Billing_EInvoices_Organization")
            .WithColumn("OrganizationName").AsString(200).NotNullable()
            .WithColumn("IssuedUtc").AsDateTimeOffset().NotNullable().Indexed("IX_Billing_EInvoices_Issued")
            .WithColumn("Sequence").AsInt64().NotNullable()
            .WithColumn("Format").AsString(5).NotNullable()
            .WithColumn("FileName").AsString(60).NotNullable()
            .WithColumn("Xml").AsString(int.MaxValue).NotNullable()
            .WithColumn("Status").AsString(20).NotNullable()
            .WithColumn("Problems").AsString(int.MaxValue).Nullable()
            .WithColumn("Transmission").AsString(20).NotNullable()
            .WithColumn("TransmissionReference").AsString(100).Nullable()
            .WithColumn("TransmittedUtc").AsDateTimeOffset().Nullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("Version").AsInt32().NotNullable();
        // One file per document, even when its event is delivered twice at once; a file name is never given twice.
        Create.Index("UX_Billing_EInvoices_Document").OnTable("Billing_EInvoices").OnColumn("DocumentId").Ascending().WithOptions().Unique();
        Create.Index("UX_Billing_EInvoices_File").OnTable("Billing_EInvoices").OnColumn("FileName").Ascending().WithOptions().Unique();
    }

    public override void Down()
    {
        Delete.Table("Billing_EInvoices");
        Delete.Column("SplitPayment").Column("Cig").Column("Cup").FromTable("Billing_Orders");
    }
}
