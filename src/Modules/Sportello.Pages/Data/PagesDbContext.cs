using Microsoft.EntityFrameworkCore;
using Sportello.Core.Storage;
using Sportello.Pages.Domain;

namespace Sportello.Pages.Data;

public sealed class PagesDbContext(DbContextOptions<PagesDbContext> options) : TenantDbContext(options)
{
    public DbSet<HomeContent> Home => Set<HomeContent>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<HomeContent>(e =>
        {
            e.ToTable("Pages_Home");
            e.HasKey(h => h.Id);
            e.Property(h => h.Id).ValueGeneratedNever();
            e.Property(h => h.Headline).HasMaxLength(HomeContent.MaxHeadline);
            e.Property(h => h.Intro).HasMaxLength(HomeContent.MaxIntro);
        });
    }
}
