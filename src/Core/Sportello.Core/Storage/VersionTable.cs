using FluentMigrator.Runner.VersionTableInfo;

namespace Sportello.Core.Storage;

/// <summary>One FluentMigrator version table per module, so modules migrate independently in one store.</summary>
internal sealed class VersionTable(string owner, string schema) : IVersionTableMetaData
{
    public bool OwnsSchema => false;
    public string SchemaName => schema;
    public string TableName => "__migrations_" + owner.Replace('-', '_');
    public string ColumnName => "Version";
    public string DescriptionColumnName => "Description";
    public string UniqueIndexName => "UC_" + TableName;
    public string AppliedOnColumnName => "AppliedOn";
    public bool CreateWithPrimaryKey => false;
}
