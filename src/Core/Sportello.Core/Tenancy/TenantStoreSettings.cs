namespace Sportello.Core.Tenancy;

public enum StoreProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where a tenant's data lives: a SQLite file under App_Data, or a schema on a named PostgreSQL server.</summary>
public sealed record TenantStoreSettings
{
    public StoreProvider Provider { get; init; }

    /// <summary>SQLite: the database file, relative to the App_Data folder.</summary>
    public string? Location { get; init; }

    /// <summary>PostgreSQL: the server name, a key of <c>Sportello:Postgres:Servers</c>.</summary>
    public string? Server { get; init; }

    /// <summary>PostgreSQL: the schema that holds the tenant's tables.</summary>
    public string? Schema { get; init; }
}
