using Microsoft.EntityFrameworkCore;
using Sportello.Billing.Domain;
using Sportello.Core.Storage;

namespace Sportello.Billing.Data;

public sealed class BillingDbContext(DbContextOptions<BillingDbContext> options) : TenantDbContext(options)
{
    public DbSet<Product> Products => Set<Product>();
    public DbSet<ProductPrice> Prices => Set<ProductPrice>();
    public DbSet<Agreement> Agreements => Set<Agreement>();
    public DbSet<AgreementMember> AgreementMembers => Set<AgreementMember>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<Service> Services => Set<Service>();
    public DbSet<ServiceRenewal> Renewals => Set<ServiceRenewal>();
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<BalanceEntry> BalanceEntries => Set<BalanceEntry>();
    public DbSet<BalanceAccount> BalanceAccounts => Set<BalanceAccount>();
    public DbSet<DocumentCounter> Counters => Set<DocumentCounter>();
    public DbSet<PaymentAttempt> Attempts => Set<PaymentAttempt>();
    public DbSet<ProviderEvent> ProviderEvents => Set<ProviderEvent>();
    public DbSet<SavedPaymentMethod> SavedMethods => Set<SavedPaymentMethod>();
    public DbSet<ProviderCustomer> ProviderCustomers => Set<ProviderCustomer>();
    public DbSet<BillingDocument> Documents => Set<BillingDocument>();
    public DbSet<EInvoice> EInvoices => Set<EInvoice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Product>(e =>
        {
            e.ToTable("Billing_Products");
            e.HasKey(p => p.Id);
            e.Property(p => p.VatPercent).HasPrecision(5, 2);
        });
        modelBuilder.Entity<ProductPrice>(e =>
        {
            e.ToTable("Billing_Prices");
            e.HasKey(p => p.Id);
            e.Property(p => p.Amount).HasPrecision(12, 2);
        });
        modelBuilder.Entity<Agreement>(e =>
        {
            e.ToTable("Billing_Agreements");
            e.HasKey(a => a.Id);
        });
        modelBuilder.Entity<AgreementMember>(e =>
        {
            e.ToTable("Billing_AgreementMembers");
            e.HasKey(m => new { m.AgreementId, m.OrganizationId });
        });
        modelBuilder.Entity<Order>(e =>
        {
            e.ToTable("Billing_Orders");
            e.HasKey(o => o.Id);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
            foreach (var amount in new[] { nameof(Order.Net), nameof(Order.Vat), nameof(Order.Total), nameof(Order.Received) })
            {
                e.Property(amount).HasPrecision(12, 2);
            }

            e.Property(o => o.Discount).HasPrecision(5, 2);
            e.Property(o => o.Version).IsConcurrencyToken();
            e.Ignore(o => o.Outstanding);
            e.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId);
        });
        modelBuilder.Entity<OrderLine>(e =>
        {
            e.ToTable("Billing_OrderLines");
            e.HasKey(l => l.Id);
            foreach (var amount in new[] { nameof(OrderLine.UnitPrice), nameof(OrderLine.Net), nameof(OrderLine.Vat), nameof(OrderLine.Cashback) })
            {
                e.Property(amount).HasPrecision(12, 2);
            }

            e.Property(l => l.VatPercent).HasPrecision(5, 2);
        });
        modelBuilder.Entity<Service>(e =>
        {
            e.ToTable("Billing_Services");
            e.HasKey(s => s.Id);
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<ServiceRenewal>(e =>
        {
            e.ToTable("Billing_Renewals");
            e.HasKey(r => new { r.ServiceId, r.OrderId });
        });
        modelBuilder.Entity<Payment>(e =>
        {
            e.ToTable("Billing_Payments");
            e.HasKey(p => p.Id);
            e.Property(p => p.Method).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Amount).HasPrecision(12, 2);
        });
        modelBuilder.Entity<BalanceEntry>(e =>
        {
            e.ToTable("Billing_BalanceEntries");
            e.HasKey(b => b.Id);
            e.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(b => b.Amount).HasPrecision(12, 2);
        });
        modelBuilder.Entity<BalanceAccount>(e =>
        {
            e.ToTable("Billing_BalanceAccounts");
            e.HasKey(b => b.OrganizationId);
            e.Property(b => b.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<PaymentAttempt>(e =>
        {
            e.ToTable("Billing_Attempts");
            e.HasKey(a => a.Id);
            e.Property(a => a.Provider).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Method).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(a => a.Amount).HasPrecision(12, 2);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Ignore(a => a.IdempotencyKey);
            e.Ignore(a => a.IsLive);
        });
        modelBuilder.Entity<ProviderEvent>(e =>
        {
            e.ToTable("Billing_ProviderEvents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Provider).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<SavedPaymentMethod>(e =>
        {
            e.ToTable("Billing_SavedMethods");
            e.HasKey(m => m.Id);
            e.Property(m => m.Provider).HasConversion<string>().HasMaxLength(20);
            e.Property(m => m.Method).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<ProviderCustomer>(e =>
        {
            e.ToTable("Billing_ProviderCustomers");
            e.HasKey(c => new { c.OrganizationId, c.Provider });
            e.Property(c => c.Provider).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<BillingDocument>(e =>
        {
            e.ToTable("Billing_Documents");
            e.HasKey(d => d.Id);
            e.Property(d => d.Kind).HasConversion<string>().HasMaxLength(20);
            foreach (var amount in new[] { nameof(BillingDocument.Net), nameof(BillingDocument.Vat), nameof(BillingDocument.Total) })
            {
                e.Property(amount).HasPrecision(12, 2);
            }
        });
        modelBuilder.Entity<EInvoice>(e =>
        {
            e.ToTable("Billing_EInvoices");
            e.HasKey(x => x.Id);
            e.Property(x => x.DocumentKind).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Transmission).HasConversion<string>().HasMaxLength(20);
            e.Property(x => x.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<DocumentCounter>(e =>
        {
            e.ToTable("Billing_Counters");
            e.HasKey(c => new { c.Kind, c.Year });
        });
    }
}
