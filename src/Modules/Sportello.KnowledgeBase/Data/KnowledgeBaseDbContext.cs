using Microsoft.EntityFrameworkCore;
using Sportello.Core.Storage;
using Sportello.KnowledgeBase.Domain;

namespace Sportello.KnowledgeBase.Data;

public sealed class KnowledgeBaseDbContext(DbContextOptions<KnowledgeBaseDbContext> options) : TenantDbContext(options)
{
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<ArticleRevision> Revisions => Set<ArticleRevision>();
    public DbSet<OldSlug> OldSlugs => Set<OldSlug>();
    public DbSet<IndexQueueEntry> IndexQueue => Set<IndexQueueEntry>();
    public DbSet<ArticleFeedback> Feedback => Set<ArticleFeedback>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<Category>(e =>
        {
            e.ToTable("Kb_Categories");
            e.HasKey(c => c.Id);
        });
        modelBuilder.Entity<Article>(e =>
        {
            e.ToTable("Kb_Articles");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Status).HasConversion<string>();
            e.Ignore(a => a.TagList);
            e.Ignore(a => a.RelatedSlugs);
        });
        modelBuilder.Entity<ArticleRevision>(e =>
        {
            e.ToTable("Kb_Revisions");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<OldSlug>(e =>
        {
            e.ToTable("Kb_OldSlugs");
            e.HasKey(s => s.Slug);
        });
        modelBuilder.Entity<IndexQueueEntry>(e =>
        {
            e.ToTable("Kb_IndexQueue");
            e.HasKey(q => q.Id);
        });
        modelBuilder.Entity<ArticleFeedback>(e =>
        {
            e.ToTable("Kb_Feedback");
            e.HasKey(f => f.Id);
            e.Property(f => f.Id).ValueGeneratedNever();
        });
    }
}
