using Sportello.Testing;

namespace Sportello.Core.Tests;

/// <summary>Base of tests that run once per store provider: each test gets its own host, App_Data and database.</summary>
public abstract class ProviderTests(StoreKind kind) : IAsyncLifetime
{
    protected StoreKind Kind { get; } = kind;

    protected SportelloApp App { get; private set; } = null!;

    protected virtual bool Provision => true;

    public async Task InitializeAsync() => App = await SportelloApp.StartAsync(Kind, Provision);

    public async Task DisposeAsync() => await App.DisposeAsync();
}
