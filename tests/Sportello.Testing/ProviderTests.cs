namespace Sportello.Testing;

/// <summary>Base of tests that run once per store provider: each test gets its own host, App_Data and database.</summary>
public abstract class ProviderTests(StoreKind kind) : Xunit.IAsyncLifetime
{
    protected StoreKind Kind { get; } = kind;

    protected SportelloApp App { get; private set; } = null!;

    /// <summary>Whether the host provisions the Default and demo tenants, as on a first run.</summary>
    protected virtual bool Provision => true;

    public async Task InitializeAsync() => App = await SportelloApp.StartAsync(Kind, Provision);

    public async Task DisposeAsync() => await App.DisposeAsync();
}
