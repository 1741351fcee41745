using Microsoft.EntityFrameworkCore;
using Sportello.Core.Storage;
using Sportello.Mail.Domain;

namespace Sportello.Mail.Data;

public sealed class MailDbContext(DbContextOptions<MailDbContext> options) : TenantDbContext(options)
{
    public DbSet<MailTemplate> Templates => Set<MailTemplate>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<MailTemplate>(e =>
        {
            e.ToTable("Mail_Templates");
            e.HasKey(t => new { t.Key, t.Language });
            e.Property(t => t.Key).HasMaxLength(100);
            e.Property(t => t.Language).HasMaxLength(2);
            e.Property(t => t.Subject).HasMaxLength(MailTemplate.MaxSubject);
            e.Property(t => t.LastFailure).HasMaxLength(500);
        });
    }
}
