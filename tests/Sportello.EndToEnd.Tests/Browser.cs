using Microsoft.Playwright;

namespace Sportello.EndToEnd.Tests;

/// <summary>Debian's chromium driven by Playwright, headless; screenshots go to TestResults/screenshots.</summary>
public sealed class Browser : IAsyncLifetime
{
    public const string Executable = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Instance { get; private set; } = null!;

    public static string Screenshots { get; } = Path.Combine(
        Environment.GetEnvironmentVariable("SPORTELLO_TEST_RESULTS") ?? Path.Combine(AppContext.BaseDirectory, "TestResults"),
        "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: scripts/test.sh installs Debian's chromium.");
        }

        Directory.CreateDirectory(Screenshots);
        _playwright = await Playwright.CreateAsync();
        Instance = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await Instance.DisposeAsync();
        _playwright?.Dispose();
    }
}
