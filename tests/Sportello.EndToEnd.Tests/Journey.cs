namespace Sportello.EndToEnd.Tests;

/// <summary>A browser test class: one host on Kestrel (SQLite) for its tests, at <see cref="Base"/>.</summary>
public abstract class Journey : IAsyncLifetime
{
    protected SportelloApp App { get; private set; } = null!;

    /// <summary>The host's address without a trailing slash.</summary>
    protected string Base { get; private set; } = string.Empty;

    public virtual async Task InitializeAsync()
    {
        App = await SportelloApp.StartAsync(StoreKind.Sqlite, kestrel: true);
        Base = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
