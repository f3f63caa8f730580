using Microsoft.Playwright;
using Touchpoint.TestKit;

namespace Touchpoint.BrowserTests;

/// <summary>
/// Chromium from the system (no browser download), driven by Playwright against the real app on a real port,
/// on SQLite. One app and one browser for the tests of a class; each test gets its own browser context (cookies).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public BrowserFixture()
        : this(new TouchpointApp(TestDatabases.Sqlite, seedDemo: true, kestrel: true))
    {
    }

    /// <summary>The app configured by a fixture of its own (e.g. with a mail server).</summary>
    protected BrowserFixture(TouchpointApp app)
    {
        App = app;
    }

    public static string ChromiumPath => Environment.GetEnvironmentVariable("TOUCHPOINT_CHROMIUM") ?? "/usr/bin/chromium";

    public static string? UnavailableReason =>
        File.Exists(ChromiumPath) ? null : $"Chromium is not installed at {ChromiumPath}. Run ./test.sh, which installs it, or set TOUCHPOINT_CHROMIUM.";

    private IPlaywright? _playwright;

    public TouchpointApp App { get; }

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

    public virtual async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        _playwright?.Dispose();
        await App.DisposeAsync();
    }
}

/// <summary>The app delivering e-mail to a real SMTP server of its own, which can refuse a recipient.</summary>
public sealed class MailBrowserFixture : BrowserFixture
{
    public MailBrowserFixture()
        : this(TestSmtpServer.Start())
    {
    }

    private MailBrowserFixture(TestSmtpServer smtp)
        : base(new TouchpointApp(TestDatabases.Sqlite, seedDemo: true, kestrel: true).WithSmtp(smtp))
    {
        Smtp = smtp;
    }

    public TestSmtpServer Smtp { get; }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
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

/// <summary>A browser theory: skipped, with the reason, where Chromium is missing.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        Skip = BrowserFixture.UnavailableReason!;
    }
}
