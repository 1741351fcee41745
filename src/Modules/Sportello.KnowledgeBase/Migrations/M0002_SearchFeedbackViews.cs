using FluentMigrator;

namespace Sportello.KnowledgeBase.Migrations;

[Migration(2, "Knowledge base: index queue, feedback, view counts")]
public sealed class M0002_SearchFeedbackViews : Migration
{
    public override void Up()
    {
        Alter.Table("Kb_Articles").AddColumn("Views").AsInt64().NotNullable().WithDefaultValue(0);

        // A log rather than a work list: every node applies it to its own index and remembers how far it got.
        Create.Table("Kb_IndexQueue")
            .WithColumn("Id").AsInt64().PrimaryKey().Identity()
            .WithColumn("ArticleId").AsGuid().NotNullable()
            .WithColumn("QueuedUtc").AsDateTimeOffset().NotNullable();

        Create.Table("Kb_Feedback")
            .WithColumn("Id").AsGuid().PrimaryKey()
            .WithColumn("ArticleId").AsGuid().NotNullable().ForeignKey("FK_Kb_Feedback_Article", "Kb_Articles", "Id").OnDelete(System.Data.Rule.Cascade)
            .WithColumn("Helpful").AsBoolean().NotNullable()
            .WithColumn("Comment").AsString(1000).Nullable()
            .WithColumn("Revision").AsInt32().NotNullable()
            .WithColumn("CreatedUtc").AsDateTimeOffset().NotNullable();
        Create.Index("IX_Kb_Feedback_Article").OnTable("Kb_Feedback").OnColumn("ArticleId");
    }

    public override void Down()
    {
        Delete.Table("Kb_Feedback");
        Delete.Table("Kb_IndexQueue");
        Delete.Column("Views").FromTable("Kb_Articles");
    }
}
