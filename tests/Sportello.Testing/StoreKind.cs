namespace Sportello.Testing;

/// <summary>Which provider a test run puts the host catalog and the tenant stores on.</summary>
public enum StoreKind
{
    Sqlite,
    Postgres,
}
