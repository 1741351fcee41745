using Microsoft.Playwright;

namespace Sportello.EndToEnd.Tests;

/// <summary>
/// Every page of every module (from the routing table), at 375 px wide, as a visitor, the demo administrator, the demo
/// customer and the platform administrator: no page may be wider than the screen, so nothing scrolls sideways.
/// </summary>
public sealed class PhoneWidthSweep(Browser browser) : Journey, IClassFixture<Browser>
{
    [Fact]
    public async Task No_page_is_wider_than_a_phone()
    {
        var failures = new List<string>();
        var measured = 0;
        foreach (var (tenant, prefix, email, password) in new (string, string, string?, string?)[]
        {
            ("demo", "/demo", null, null),
            ("demo", "/demo", SignIn.DemoAdmin, SignIn.DemoAdminPassword),
            ("demo", "/demo", SignIn.DemoCustomer, SignIn.DemoCustomerPassword),
            ("default", "", SignIn.PlatformAdmin, SignIn.PlatformPassword),
        })
        {
            await using var context = await browser.Instance.NewContextAsync(new BrowserNewContextOptions
            {
                Locale = "it-IT", ViewportSize = new ViewportSize { Width = 375, Height = 740 }, IsMobile = true, HasTouch = true,
            });
            var page = await context.NewPageAsync();
            if (email is not null)
            {
                await page.GotoAsync($"{Base}{prefix}/account/login");
                await SignInAsync(page, email, password!);
                try
                {
                    // Generous: on CI the first sign-in shares two cores with the other test assemblies.
                    await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 90_000 });
                }
                catch (TimeoutException)
                {
                    Assert.Fail($"{email} did not get past sign-in: {await page.InnerTextAsync("main")}");
                }
            }

            foreach (var pattern in PageRoutes.Patterns(App).Where(p => p != "account/logout" && !PageRoutes.IsDownload(p)))
            {
                var address = $"{Base}{prefix}{await PageRoutes.AddressAsync(App, tenant, pattern)}";
                var response = await page.GotoAsync(address);
                if (response?.Status != 200)
                {
                    continue;
                }

                measured++;
                var overflow = await page.EvaluateAsync<string?>("""
                    () => {
                      const width = document.documentElement.clientWidth;
                      if (document.documentElement.scrollWidth <= width) return null;
                      // The outermost element that sticks out and is not inside a box that scrolls on its own.
                      const scrolls = (e) => { for (let p = e.parentElement; p; p = p.parentElement) { if (getComputedStyle(p).overflowX !== 'visible') return true; } return false; };
                      const wide = [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > width + 1 && !scrolls(e));
                      const describe = (e) => `<${e.tagName.toLowerCase()} class="${e.className}">${(e.textContent ?? '').trim().slice(0, 40)}`;
                      return `${document.documentElement.scrollWidth}px wide: ${wide.slice(-2).map(describe).join(' / ')}`;
                    }
                    """);
                if (overflow is not null)
                {
                    failures.Add($"{email ?? "visitor"}: {address} is {overflow}");
                    await Accessibility.ScreenshotAsync(page, "too-wide-" + pattern.Replace('/', '-').Replace('{', '_').Replace('}', '_'));
                }
            }
        }

        Assert.True(measured > 30, $"only {measured} pages were measured");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}
