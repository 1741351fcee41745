using FluentMigrator;

namespace Sportello.Billing.Migrations;

[Migration(2, "Billing: provider payment attempts, the provider event inbox, saved payment methods and provider customers")]
public sealed class M0002_ProviderPayments : Migration
{
    public override void Up()
    {
        Create.Table("Billing_Attempts")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("OrderId").AsGuid().NotNullable()
            .WithColumn("OrganizationId").AsGuid().NotNullable()
            .WithColumn("OrderNumber").AsString(20).NotNullable()
            .WithColumn("Sequence").AsInt32().NotNullable()
            .WithColumn("Provider").AsString(20).NotNullable()
            .WithColumn("Method").AsString(20).NotNullable()
            .WithColumn("Amount").AsDecimal(12, 2).NotNullable()
            .WithColumn("Currency").AsString(3).NotNullable()
            .WithColumn("Status").AsString(20).NotNullable()
            .WithColumn("ProviderReference").AsString(200).Nullable().Indexed("IX_Billing_Attempts_ProviderReference")
            .WithColumn("RedirectUrl").AsString(2000).Nullable()
            .WithColumn("PaymentReference").AsString(200).Nullable()
            .WithColumn("Problem").AsString(1000).Nullable()
            .WithColumn("StartedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("UpdatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("ByUserId").AsString(64).Nullable()
            .WithColumn("Version").AsInt32().NotNullable();
        // Two parallel "Paga" cannot both make attempt n: the second finds the first's and shares its key.
        Create.Index("UX_Billing_Attempts_Order").OnTable("Billing_Attempts").OnColumn("OrderId").Ascending().OnColumn("Sequence").Ascending()
            .WithOptions().Unique();
        Create.Index("IX_Billing_Attempts_Status").OnTable("Billing_Attempts").OnColumn("Status").Ascending();

        Create.Table("Billing_ProviderEvents")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("Provider").AsString(20).NotNullable()
            .WithColumn("EventId").AsString(200).NotNullable()
            .WithColumn("Type").AsString(100).NotNullable()
            .WithColumn("ReceivedUtc").AsDateTimeOffset().NotNullable().Indexed("IX_Billing_ProviderEvents_Received")
            .WithColumn("Outcome").AsString(20).NotNullable()
            .WithColumn("Detail").AsString(1000).Nullable()
            .WithColumn("OrderId").AsGuid().Nullable()
            .WithColumn("OrderNumber").AsString(20).Nullable();
        Create.Index("UX_Billing_ProviderEvents_Event").OnTable("Billing_ProviderEvents").OnColumn("Provider").Ascending().OnColumn("EventId").Ascending()
            .WithOptions().Unique();

        Create.Table("Billing_SavedMethods")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("OrganizationId").AsGuid().NotNullable()
            .WithColumn("Provider").AsString(20).NotNullable()
            .WithColumn("ProviderMethodId").AsString(200).NotNullable()
            .WithColumn("Method").AsString(20).NotNullable()
            .WithColumn("Label").AsString(40).NotNullable()
            .WithColumn("Last4").AsString(4).Nullable()
            .WithColumn("ExpiryMonth").AsInt32().Nullable()
            .WithColumn("ExpiryYear").AsInt32().Nullable()
            .WithColumn("IsDefault").AsBoolean().NotNullable()
            .WithColumn("SavedUtc").AsDateTimeOffset().NotNullable();
        Create.Index("UX_Billing_SavedMethods_Method").OnTable("Billing_SavedMethods").OnColumn("OrganizationId").Ascending().OnColumn("ProviderMethodId").Ascending()
            .WithOptions().Unique();

        Create.Table("Billing_ProviderCustomers")
            .WithColumn("OrganizationId").AsGuid().NotNullable().PrimaryKey()
            .WithColumn("Provider").AsString(20).NotNullable().PrimaryKey()
            .WithColumn("CustomerId").AsString(200).NotNullable();
    }

    public override void Down()
    {
        foreach (var table in new[] { "Billing_ProviderCustomers", "Billing_SavedMethods", "Billing_ProviderEvents", "Billing_Attempts" })
        {
            Delete.Table(table);
        }
    }
}
