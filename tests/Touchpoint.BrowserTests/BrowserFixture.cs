using Microsoft.Playwright;
using Touchpoint.TestKit;

namespace Touchpoint.BrowserTests;

/// <summary>
/// Chromium from the system (no browser download), driven by Playwright against the real app on a real port,
/// on SQLite. One app and one browser for the tests of a class; each test gets its own browser context (cookies).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public static string ChromiumPath => Environment.GetEnvironmentVariable("TOUCHPOINT_CHROMIUM") ?? "/usr/bin/chromium";

    public static string? UnavailableReason =>
        File.Exists(ChromiumPath) ? null : $"Chromium is not installed at {ChromiumPath}. Run ./test.sh, which installs it, or set TOUCHPOINT_CHROMIUM.";

    private IPlaywright? _playwright;

    public TouchpointApp App { get; } = new(TestDatabases.Sqlite, seedDemo: true, kestrel: true);

    public IBrowser Browser { get; private set; } = null!;

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        BaseAddress = App.ServerAddress;
        if (UnavailableReason is not null)
        {
            return;
        }
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
    }

    public async Task<IPage> NewPageAsync(string locale = "en-US")
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString(), Locale = locale });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task<IPage> SignedInPageAsync(string email = TouchpointApp.AdminEmail, string password = TouchpointApp.AdminPassword)
    {
        var page = await NewPageAsync();
        await page.SignInAsync(email, password);
        return page;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>A browser test: skipped, with the reason, where Chromium is missing.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        Skip = BrowserFixture.UnavailableReason!;
    }
}
