using FluentMigrator;

namespace Sportello.Billing.Migrations;

[Migration(1, "Billing: catalog with agreements, orders and their lines, services, payments, the prepaid balance, document counters")]
public sealed class M0001_CreateBilling : Migration
{
    public override void Up()
    {
        Create.Table("Billing_Products")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("Code").AsString(60).NotNullable().Unique("UX_Billing_Products_Code")
            .WithColumn("Type").AsString(60).NotNullable()
            .WithColumn("Name").AsString(200).NotNullable()
            .WithColumn("Description").AsString(1000).Nullable()
            .WithColumn("VatPercent").AsDecimal(5, 2).NotNullable()
            .WithColumn("VatNature").AsString(10).Nullable()
            .WithColumn("Active").AsBoolean().NotNullable()
            .WithColumn("ManualActivation").AsBoolean().NotNullable()
            .WithColumn("Position").AsInt32().NotNullable();

        Create.Table("Billing_Agreements")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("Code").AsString(60).NotNullable().Unique("UX_Billing_Agreements_Code")
            .WithColumn("Name").AsString(200).NotNullable()
            .WithColumn("Active").AsBoolean().NotNullable();

        Create.Table("Billing_AgreementMembers")
            .WithColumn("AgreementId").AsGuid().NotNullable().PrimaryKey()
            .WithColumn("OrganizationId").AsGuid().NotNullable().PrimaryKey().Indexed("IX_Billing_AgreementMembers_Organization")
            .WithColumn("AttachedUtc").AsDateTimeOffset().NotNullable();

        Create.Table("Billing_Prices")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("ProductId").AsGuid().NotNullable()
            .WithColumn("AgreementId").AsGuid().Nullable()
            .WithColumn("Term").AsString(10).NotNullable()
            .WithColumn("Amount").AsDecimal(12, 2).NotNullable();
        Create.Index("IX_Billing_Prices_Product").OnTable("Billing_Prices").OnColumn("ProductId").Ascending().OnColumn("Term").Ascending();

        Create.Table("Billing_Orders")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("Number").AsString(20).NotNullable().Unique("UX_Billing_Orders_Number")
            .WithColumn("Kind").AsString(20).NotNullable()
            .WithColumn("Status").AsString(20).NotNullable()
            .WithColumn("OrganizationId").AsGuid().NotNullable()
            .WithColumn("OrganizationName").AsString(200).NotNullable()
            .WithColumn("PlacedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("PlacedByUserId").AsString(64).Nullable()
            .WithColumn("AgreementId").AsGuid().Nullable()
            .WithColumn("AgreementName").AsString(200).Nullable()
            .WithColumn("Currency").AsString(3).NotNullable()
            .WithColumn("Net").AsDecimal(12, 2).NotNullable()
            .WithColumn("Vat").AsDecimal(12, 2).NotNullable()
            .WithColumn("Total").AsDecimal(12, 2).NotNullable()
            .WithColumn("Received").AsDecimal(12, 2).NotNullable()
            .WithColumn("Discount").AsDecimal(5, 2).NotNullable()
            .WithColumn("CashbackPartnerId").AsGuid().Nullable()
            .WithColumn("DueUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("PaidUtc").AsDateTimeOffset().Nullable()
            .WithColumn("Reason").AsString(1000).Nullable()
            .WithColumn("Version").AsInt32().NotNullable();
        Create.Index("IX_Billing_Orders_Organization").OnTable("Billing_Orders").OnColumn("OrganizationId").Ascending().OnColumn("PlacedUtc").Descending();
        Create.Index("IX_Billing_Orders_Status").OnTable("Billing_Orders").OnColumn("Status").Ascending().OnColumn("DueUtc").Ascending();

        Create.Table("Billing_OrderLines")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("OrderId").AsGuid().NotNullable().Indexed("IX_Billing_OrderLines_Order")
            .WithColumn("Position").AsInt32().NotNullable()
            .WithColumn("Product").AsString(60).NotNullable()
            .WithColumn("ProductType").AsString(60).NotNullable()
            .WithColumn("Description").AsString(300).NotNullable()
            .WithColumn("Term").AsString(10).NotNullable()
            .WithColumn("Quantity").AsInt32().NotNullable()
            .WithColumn("UnitPrice").AsDecimal(12, 2).NotNullable()
            .WithColumn("Net").AsDecimal(12, 2).NotNullable()
            .WithColumn("Vat").AsDecimal(12, 2).NotNullable()
            .WithColumn("VatPercent").AsDecimal(5, 2).NotNullable()
            .WithColumn("VatNature").AsString(10).Nullable()
            .WithColumn("AgreementPrice").AsBoolean().NotNullable()
            .WithColumn("Data").AsString(4000).Nullable()
            .WithColumn("RenewsServiceId").AsGuid().Nullable()
            .WithColumn("ServiceId").AsGuid().Nullable()
            .WithColumn("Cashback").AsDecimal(12, 2).NotNullable();

        Create.Table("Billing_Services")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("OrganizationId").AsGuid().NotNullable().Indexed("IX_Billing_Services_Organization")
            .WithColumn("Product").AsString(60).NotNullable()
            .WithColumn("ProductType").AsString(60).NotNullable()
            .WithColumn("Description").AsString(300).NotNullable()
            .WithColumn("Status").AsString(20).NotNullable()
            .WithColumn("Starts").AsDate().NotNullable()
            .WithColumn("Expires").AsDate().Nullable()
            .WithColumn("Term").AsString(10).NotNullable()
            .WithColumn("AutoRenew").AsBoolean().NotNullable()
            .WithColumn("OrderId").AsGuid().NotNullable()
            .WithColumn("Reference").AsString(200).Nullable()
            .WithColumn("Failure").AsString(1000).Nullable()
            .WithColumn("Version").AsInt32().NotNullable();

        Create.Table("Billing_Renewals")
            .WithColumn("ServiceId").AsGuid().NotNullable().PrimaryKey()
            .WithColumn("OrderId").AsGuid().NotNullable().PrimaryKey()
            .WithColumn("FormerExpiry").AsDate().Nullable()
            .WithColumn("Expires").AsDate().Nullable()
            .WithColumn("RenewedUtc").AsDateTimeOffset().NotNullable();

        Create.Table("Billing_Payments")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("OrderId").AsGuid().NotNullable().Indexed("IX_Billing_Payments_Order")
            .WithColumn("OrganizationId").AsGuid().NotNullable()
            .WithColumn("Method").AsString(20).NotNullable()
            .WithColumn("Amount").AsDecimal(12, 2).NotNullable()
            .WithColumn("Currency").AsString(3).NotNullable()
            .WithColumn("ReceivedOn").AsDate().NotNullable()
            .WithColumn("RecordedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("Reference").AsString(200).Nullable()
            .WithColumn("ByUserId").AsString(64).Nullable();
        // The same bank transfer or provider charge is recorded once.
        Create.Index("UX_Billing_Payments_Reference").OnTable("Billing_Payments").OnColumn("Method").Ascending().OnColumn("Reference").Ascending()
            .WithOptions().Unique();

        Create.Table("Billing_BalanceEntries")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("OrganizationId").AsGuid().NotNullable().Indexed("IX_Billing_BalanceEntries_Organization")
            .WithColumn("Kind").AsString(20).NotNullable()
            .WithColumn("Amount").AsDecimal(12, 2).NotNullable()
            .WithColumn("Currency").AsString(3).NotNullable()
            .WithColumn("OccurredUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("OrderId").AsGuid().Nullable()
            .WithColumn("OrderNumber").AsString(20).Nullable()
            .WithColumn("Reason").AsString(1000).Nullable()
            .WithColumn("ByUserId").AsString(64).Nullable();

        Create.Table("Billing_BalanceAccounts")
            .WithColumn("OrganizationId").AsGuid().PrimaryKey()
            .WithColumn("Version").AsInt32().NotNullable();

        Create.Table("Billing_Counters")
            .WithColumn("Kind").AsString(20).NotNullable().PrimaryKey()
            .WithColumn("Year").AsInt32().NotNullable().PrimaryKey()
            .WithColumn("Last").AsInt32().NotNullable();
    }

    public override void Down()
    {
        foreach (var table in new[]
                 {
                     "Billing_Counters", "Billing_BalanceAccounts", "Billing_BalanceEntries", "Billing_Payments", "Billing_Renewals",
                     "Billing_Services", "Billing_OrderLines", "Billing_Orders", "Billing_Prices", "Billing_AgreementMembers",
                     "Billing_Agreements", "Billing_Products",
                 })
        {
            Delete.Table(table);
        }
    }
}
