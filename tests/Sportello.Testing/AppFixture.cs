namespace Sportello.Testing;

/// <summary>
/// One host for a whole test class (xunit's IClassFixture): started before the first test, disposed after the
/// last. Tests of the class share its tenants, so each works on data of its own.
/// </summary>
public class AppFixture : Xunit.IAsyncLifetime
{
    protected virtual StoreKind Kind => StoreKind.Sqlite;

    protected virtual string Environment => "Development";

    protected virtual IDictionary<string, string?>? Settings => null;

    public SportelloApp App { get; private set; } = null!;

    public virtual async Task InitializeAsync() => App = await SportelloApp.StartAsync(Kind, environment: Environment, settings: Settings);

    public virtual async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>One host on PostgreSQL for a whole test class.</summary>
public class PostgresAppFixture : AppFixture
{
    protected override StoreKind Kind => StoreKind.Postgres;
}
