using Microsoft.EntityFrameworkCore;
using Sportello.Core.Storage;
using Sportello.Organizations.Domain;

namespace Sportello.Organizations.Data;

public sealed class OrganizationsDbContext(DbContextOptions<OrganizationsDbContext> options) : TenantDbContext(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Member> Members => Set<Member>();

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
    }
}
