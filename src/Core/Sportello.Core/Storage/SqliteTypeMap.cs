using System.Data;
using FluentMigrator.Runner.Generators.SQLite;

namespace Sportello.Core.Storage;

/// <summary>
/// Lets one migration say AsDateTimeOffset() for a UTC time on both providers: PostgreSQL stores timestamptz
/// (what Npgsql wants for UTC values), SQLite a DATETIME text column (its generator has no mapping of its own).
/// </summary>
internal sealed class SqliteTypeMap : ISQLiteTypeMap
{
    private readonly SQLiteTypeMap _inner = new();

    public string GetTypeMap(DbType type, int? size, int? precision) =>
        type == DbType.DateTimeOffset ? "DATETIME" : _inner.GetTypeMap(type, size, precision);
}
