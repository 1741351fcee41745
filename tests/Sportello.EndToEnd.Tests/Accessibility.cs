using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Sportello.EndToEnd.Tests;

public static class Accessibility
{
    /// <summary>
    /// Runs axe-core on the page and fails on any serious or critical violation, naming them. Frames are left out:
    /// the only ones are sandboxed previews, where no script (axe's included) may run.
    /// </summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page, string name)
    {
        var result = await page.RunAxe(new Deque.AxeCore.Commons.AxeRunOptions { Iframes = false });
        var serious = result.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0,
            $"{name}: " + string.Join("; ", serious.Select(v => $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target.ToString()))}")));
    }

    public static Task ScreenshotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Browser.Screenshots, name + ".png"), FullPage = true });
}
