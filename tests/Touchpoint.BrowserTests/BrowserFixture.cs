using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.Playwright;
using Touchpoint.TestKit;

namespace Touchpoint.BrowserTests;

/// <summary>
/// Chromium from the system (no browser download), driven by Playwright against the real app on a real port,
/// on SQLite. One app for the tests of a class, and a browser lent to the class (<see cref="SharedBrowsers"/>); each test
/// gets its own browser context (cookies).
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    public BrowserFixture()
        : this(new TouchpointApp(TestDatabases.Sqlite, seedDemo: true, kestrel: true))
    {
    }

    /// <summary>
    /// The app configured by a fixture of its own (e.g. with a mail server). It starts on a copy of a database that the
    /// demo company was added to once for the test process (<see cref="DemoDatabase"/>), unless
    /// <paramref name="seedItself"/> asks it to add the demo company itself, as a first run does.
    /// </summary>
    protected BrowserFixture(TouchpointApp app, bool seedItself = false)
    {
        App = app;
        _seedItself = seedItself;
    }

    private readonly bool _seedItself;

    public static string ChromiumPath => Environment.GetEnvironmentVariable("TOUCHPOINT_CHROMIUM") ?? "/usr/bin/chromium";

    public static string? UnavailableReason =>
        File.Exists(ChromiumPath) ? null : $"Chromium is not installed at {ChromiumPath}. Run ./test.sh, which installs it, or set TOUCHPOINT_CHROMIUM.";

    private SharedBrowsers.Lease? _browser;

    public TouchpointApp App { get; }

    public IBrowser Browser => _browser?.Browser ?? throw new InvalidOperationException("The fixture is not initialized.");

    public Uri BaseAddress { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!_seedItself)
        {
            await DemoDatabase.CopyToAsync(App.DataFolder);
        }
        BaseAddress = App.ServerAddress;
        if (UnavailableReason is not null)
        {
            return;
        }
        _browser = await SharedBrowsers.RentAsync();
    }

    public async Task<IPage> NewPageAsync(string locale = "en-US")
    {
        // Reduced motion, as a user can ask their system for: the app then has no animations, so Chromium draws a page
        // when it changes rather than every frame of a ripple or a progress bar (most of the tests' CPU time was
        // Chromium's), and no test waits on a transition.
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = BaseAddress.ToString(), Locale = locale, ReducedMotion = ReducedMotion.Reduce,
        });
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
        if (_browser is not null)
        {
            await SharedBrowsers.ReturnAsync(_browser);
        }
        await App.DisposeAsync();
    }
}

/// <summary>A fixture whose app adds the demo company to its new, empty database itself, as on a first run.</summary>
public sealed class FirstRunBrowserFixture() : BrowserFixture(new TouchpointApp(TestDatabases.Sqlite, seedDemo: true, kestrel: true), seedItself: true);

/// <summary>
/// The demo company's database, made once for the test process by the app itself (migrations, admin, demo company) and
/// copied, with its key file, into each browser fixture's data folder: adding the demo company took 2–4 s of CPU per
/// class. The copied app finds the demo company there and adds nothing.
/// </summary>
internal static class DemoDatabase
{
    private static readonly Lazy<Task<string>> Template = new(MakeAsync);

    public static async Task CopyToAsync(string dataFolder)
    {
        var template = await Template.Value;
        foreach (var file in Directory.GetFiles(template))
        {
            File.Copy(file, Path.Combine(dataFolder, Path.GetFileName(file)));
        }
    }

    private static async Task<string> MakeAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "touchpoint-tests", "demo-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        await using var app = new TouchpointApp(TestDatabases.Sqlite, seedDemo: true);
        _ = app.Services;
        await using (var connection = new SqliteConnection(app.ConnectionString))
        {
            await connection.OpenAsync();
            await using var vacuum = connection.CreateCommand();
            // One consistent file without its WAL, whatever the app still holds open.
            vacuum.CommandText = "VACUUM INTO $file";
            vacuum.Parameters.AddWithValue("$file", Path.Combine(folder, "touchpoint.db"));
            await vacuum.ExecuteNonQueryAsync();
        }
        if (File.Exists(app.KeyFile))
        {
            File.Copy(app.KeyFile, Path.Combine(folder, Path.GetFileName(app.KeyFile)));
        }
        return folder;
    }
}

/// <summary>
/// Chromium and Playwright's driver, lent to one test class at a time and kept for the next: starting them took about
/// 3 s of CPU per class (the driver is a Node.js process), more than many of the classes' tests. A class gets a browser
/// no other class is using, so the classes that run side by side never share one; the contexts a class left open are
/// closed when it gives the browser back, and every browser is closed when the test process ends.
/// </summary>
internal static class SharedBrowsers
{
    private static readonly ConcurrentBag<Lease> Idle = [];
    private static readonly ConcurrentBag<Lease> All = [];

    static SharedBrowsers() => AppDomain.CurrentDomain.ProcessExit += (_, _) => CloseAll();

    internal sealed record Lease(IPlaywright Playwright, IBrowser Browser);

    public static async Task<Lease> RentAsync()
    {
        while (Idle.TryTake(out var idle))
        {
            if (idle.Browser.IsConnected)
            {
                return idle;
            }
            idle.Playwright.Dispose();
        }
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserFixture.ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"],
        });
        var lease = new Lease(playwright, browser);
        All.Add(lease);
        return lease;
    }

    public static async Task ReturnAsync(Lease lease)
    {
        try
        {
            foreach (var context in lease.Browser.Contexts.ToList())
            {
                await context.CloseAsync();
            }
        }
        catch (PlaywrightException)
        {
            // The browser died under the class; the next class gets a new one.
        }
        Idle.Add(lease);
    }

    private static void CloseAll()
    {
        foreach (var lease in All)
        {
            try
            {
                lease.Browser.CloseAsync().Wait(TimeSpan.FromSeconds(10));
            }
            catch (AggregateException)
            {
                // Already gone with its driver.
            }
            lease.Playwright.Dispose();
        }
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
