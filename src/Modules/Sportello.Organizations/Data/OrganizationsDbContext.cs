using Microsoft.EntityFrameworkCore;
using Sportello.Core.Storage;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Data;

public sealed class OrganizationsDbContext(DbContextOptions<OrganizationsDbContext> options) : TenantDbContext(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<RightGrant> Grants => Set<RightGrant>();
    public DbSet<SupportGrant> SupportGrants => Set<SupportGrant>();
    public DbSet<Partner> Partners => Set<Partner>();
    public DbSet<PartnerClient> PartnerClients => Set<PartnerClient>();
    public DbSet<PartnerStaff> PartnerStaff => Set<PartnerStaff>();
    public DbSet<QuoteRequest> QuoteRequests => Set<QuoteRequest>();
    public DbSet<IdentityCheck> IdentityChecks => Set<IdentityCheck>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Organization>(e =>
        {
            e.ToTable("Organizations_Organizations");
            e.HasKey(o => o.Id);
            e.Property(o => o.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(o => o.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<Member>(e =>
        {
            e.ToTable("Organizations_Members");
            e.HasKey(m => new { m.OrganizationId, m.UserId });
            e.Property(m => m.Role).HasConversion<string>().HasMaxLength(30);
        });
        modelBuilder.Entity<Invitation>(e =>
        {
            e.ToTable("Organizations_Invitations");
            e.HasKey(i => i.Id);
            e.Property(i => i.Role).HasConversion<string>().HasMaxLength(30);
        });
        modelBuilder.Entity<Team>(e =>
        {
            e.ToTable("Organizations_Teams");
            e.HasKey(t => t.Id);
        });
        modelBuilder.Entity<TeamMember>(e =>
        {
            e.ToTable("Organizations_TeamMembers");
            e.HasKey(t => new { t.TeamId, t.UserId });
        });
        modelBuilder.Entity<RightGrant>(e =>
        {
            e.ToTable("Organizations_Grants");
            e.HasKey(g => g.Id);
            e.Property(g => g.Right).HasColumnName("ProductRight"); // RIGHT is an SQL keyword
        });
        modelBuilder.Entity<Partner>(e =>
        {
            e.ToTable("Organizations_Partners");
            e.HasKey(p => p.OrganizationId);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Benefit).HasConversion<string>().HasMaxLength(20);
            e.Property(p => p.Percent).HasPrecision(5, 2);
        });
        modelBuilder.Entity<PartnerClient>(e =>
        {
            e.ToTable("Organizations_PartnerClients");
            e.HasKey(c => c.Id);
            // Two confirmations of one proposal at once: the second finds the status changed under it.
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            e.Property(c => c.Access).HasConversion<string>().HasMaxLength(20);
            e.Ignore(c => c.AreaKeys);
        });
        modelBuilder.Entity<PartnerStaff>(e =>
        {
            e.ToTable("Organizations_PartnerStaff");
            e.HasKey(s => new { s.PartnerClientId, s.UserId });
        });
        modelBuilder.Entity<QuoteRequest>(e =>
        {
            e.ToTable("Organizations_QuoteRequests");
            e.HasKey(q => q.Id);
        });
        modelBuilder.Entity<IdentityCheck>(e =>
        {
            e.ToTable("Organizations_IdentityChecks");
            e.HasKey(c => c.Id);
            e.Property(c => c.Purpose).HasConversion<string>().HasMaxLength(30);
            // Two operators deciding at once: the second finds the status changed under it.
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
            e.Ignore(c => c.FileIds);
        });
        modelBuilder.Entity<SupportGrant>(e =>
        {
            e.ToTable("Organizations_SupportGrants");
            e.HasKey(g => g.Id);
        });
    }
}
