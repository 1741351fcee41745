namespace Sportello.KnowledgeBase.Domain;

public enum ArticleStatus
{
    Draft,
    Published,
    Archived,
}
