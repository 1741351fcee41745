using FluentMigrator;

namespace Sportello.KnowledgeBase.Migrations;

[Migration(1, "Knowledge base: categories, articles, revisions, old slugs")]
public sealed class M0001_CreateKnowledgeBase : Migration
{
    public override void Up()
    {
        Create.Table("Kb_Categories")
            .WithColumn("Id").AsInt32().PrimaryKey().Identity()
            .WithColumn("Slug").AsString(100).NotNullable().Unique("UX_Kb_Categories_Slug")
            .WithColumn("Title").AsString(200).NotNullable()
            .WithColumn("Description").AsString(1000).NotNullable()
            .WithColumn("Icon").AsString(40).NotNullable()
            .WithColumn("ParentId").AsInt32().Nullable()
            .WithColumn("Order").AsInt32().NotNullable();

        Create.Table("Kb_Articles")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("Slug").AsString(150).NotNullable().Unique("UX_Kb_Articles_Slug")
            .WithColumn("Title").AsString(200).NotNullable()
            .WithColumn("Summary").AsString(500).NotNullable()
            .WithColumn("Body").AsString(int.MaxValue).NotNullable()
            .WithColumn("CategoryId").AsInt32().NotNullable().ForeignKey("FK_Kb_Articles_Category", "Kb_Categories", "Id")
            .WithColumn("Tags").AsString(500).NotNullable()
            .WithColumn("Related").AsString(1000).NotNullable()
            .WithColumn("Status").AsString(20).NotNullable()
            .WithColumn("Author").AsString(200).NotNullable()
            .WithColumn("Revision").AsInt32().NotNullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("UpdatedUtc").AsDateTimeOffset().NotNullable()
            .WithColumn("PublishedUtc").AsDateTimeOffset().Nullable();
        Create.Index("IX_Kb_Articles_Category").OnTable("Kb_Articles").OnColumn("CategoryId");

        Create.Table("Kb_Revisions")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("ArticleId").AsGuid().NotNullable().ForeignKey("FK_Kb_Revisions_Article", "Kb_Articles", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("Number").AsInt32().NotNullable()
            .WithColumn("Title").AsString(200).NotNullable()
            .WithColumn("Summary").AsString(500).NotNullable()
            .WithColumn("Body").AsString(int.MaxValue).NotNullable()
            .WithColumn("Tags").AsString(500).NotNullable()
            .WithColumn("Author").AsString(200).NotNullable()
            .WithColumn("SavedUtc").AsDateTimeOffset().NotNullable();
        Create.Index("UX_Kb_Revisions_Article_Number").OnTable("Kb_Revisions").OnColumn("ArticleId").Ascending().OnColumn("Number").Ascending().WithOptions().Unique();

        Create.Table("Kb_OldSlugs")
            .WithColumn("Slug").AsString(150).PrimaryKey()
            .WithColumn("ArticleId").AsGuid().NotNullable().ForeignKey("FK_Kb_OldSlugs_Article", "Kb_Articles", "Id").OnDelete(System.Data.Rule.Cascade);
    }

    public override void Down()
    {
        Delete.Table("Kb_OldSlugs");
        Delete.Table("Kb_Revisions");
        Delete.Table("Kb_Articles");
        Delete.Table("Kb_Categories");
    }
}
