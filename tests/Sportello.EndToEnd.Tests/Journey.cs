using Microsoft.Playwright;

namespace Sportello.EndToEnd.Tests;

/// <summary>A browser test class: one host on Kestrel (SQLite) for its tests, at <see cref="Base"/>.</summary>
public abstract class Journey : IAsyncLifetime
{
    protected SportelloApp App { get; private set; } = null!;

    /// <summary>The host's address without a trailing slash.</summary>
    protected string Base { get; private set; } = string.Empty;

    /// <summary>Configuration the host starts with (a fake provider's address and keys, say).</summary>
    protected virtual IDictionary<string, string?>? Settings => null;

    public virtual async Task InitializeAsync()
    {
        App = await SportelloApp.StartAsync(StoreKind.Sqlite, kestrel: true, settings: Settings);
        Base = App.ClientOptions.BaseAddress.ToString().TrimEnd('/');
    }

    public virtual async Task DisposeAsync() => await App.DisposeAsync();

    /// <summary>A new page of <paramref name="context"/> with a 10-second default timeout; the list collects the console's errors.</summary>
    protected static async Task<(IPage Page, List<string> ConsoleErrors)> PageWithConsoleAsync(IBrowserContext context)
    {
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(10_000);
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        return (page, errors);
    }

    /// <summary>Fills and sends the sign-in form the page is showing.</summary>
    protected static async Task SignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Accedi", Exact = true }).ClickAsync();
    }
}
