using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Web.Users;

namespace Touchpoint.TestKit;

/// <summary>
/// The real web app on a real database of its own (a temp SQLite file, or a fresh PostgreSQL database), with a
/// configured admin. <see cref="UseKestrel"/> serves it on a real port for the browser.
/// </summary>
public sealed class TouchpointApp : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@test.local";
    public const string AdminPassword = "Admin-Pass-123";
    public const string Password = "Test-Pass-123";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "touchpoint-tests", Guid.NewGuid().ToString("N"));
    private readonly string? _pgDatabase;
    private readonly string _connectionString;
    private readonly bool _seedDemo;
    private readonly bool _kestrel;
    private readonly Dictionary<string, HttpClient> _clients = [];
    private readonly SemaphoreSlim _clientLock = new(1, 1);

    public TouchpointApp(string provider, bool seedDemo = false, bool kestrel = false)
        : this(provider, null, seedDemo, kestrel)
    {
    }

    /// <summary>
    /// A second instance on the database of another (as several web servers share one PostgreSQL), given the same
    /// key file as it is told to be; without it, it plays someone who has the database but not the key file.
    /// </summary>
    public TouchpointApp(TouchpointApp sameDatabaseAs, bool shareKeyFile = true)
        : this(sameDatabaseAs.Provider, sameDatabaseAs.ConnectionString, false, false)
    {
        if (shareKeyFile)
        {
            Settings["Touchpoint:DataProtection:KeyFile"] = sameDatabaseAs.KeyFile;
        }
    }

    private TouchpointApp(string provider, string? connectionString, bool seedDemo, bool kestrel)
    {
        Provider = provider;
        _seedDemo = seedDemo;
        _kestrel = kestrel;
        Directory.CreateDirectory(_folder);
        _connectionString = connectionString ?? (provider == TestDatabases.Postgres
            ? TestDatabases.NewPostgresDatabase(out _pgDatabase)
            : $"Data Source={Path.Combine(_folder, "touchpoint.db")};Default Timeout=30");
        if (_kestrel)
        {
            UseKestrel(0);
        }
    }

    public string Provider { get; }

    /// <summary>The app's data folder (its SQLite file and key file are there).</summary>
    public string DataFolder => _folder;

    /// <summary>The key file that encrypts the key ring: the data folder's, unless configured otherwise.</summary>
    public string KeyFile => Settings.TryGetValue("Touchpoint:DataProtection:KeyFile", out var file) && file is not null ? file : Path.Combine(_folder, "touchpoint.key");

    /// <summary>More configuration (e.g. <c>Touchpoint:Smtp:*</c>), set before the app starts.</summary>
    public Dictionary<string, string?> Settings { get; } = [];

    /// <summary>Delivers e-mail to <paramref name="smtp"/>, retrying after <paramref name="retryDelay"/> (default 200 ms).</summary>
    public TouchpointApp WithSmtp(TestSmtpServer smtp, TimeSpan? retryDelay = null, int maxAttempts = 10)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        Settings["Touchpoint:Smtp:Host"] = "127.0.0.1";
        Settings["Touchpoint:Smtp:Port"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Touchpoint:Smtp:Security"] = "none";
        Settings["Touchpoint:Smtp:From"] = TestSmtpServer.From;
        Settings["Touchpoint:Smtp:FromName"] = TestSmtpServer.FromName;
        Settings["Touchpoint:Smtp:RetryDelay"] = (retryDelay ?? TimeSpan.FromMilliseconds(200)).ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        Settings["Touchpoint:Smtp:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Touchpoint:Smtp:PollInterval"] = "00:00:00.200";
        return this;
    }

    public string ConnectionString => _connectionString;

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);

    /// <summary>The address of the Kestrel server (browser tests).</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            return ClientOptions.BaseAddress;
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Touchpoint:Database:Provider", Provider);
        builder.UseSetting("ConnectionStrings:Touchpoint", _connectionString);
        builder.UseSetting("Touchpoint:DataFolder", _folder);
        builder.UseSetting("Touchpoint:Admin:Email", AdminEmail);
        builder.UseSetting("Touchpoint:Admin:Password", AdminPassword);
        builder.UseSetting("Touchpoint:SeedDemoData", _seedDemo ? "true" : "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Tests sign in from one address far more often than people do; the sign-in limit's own tests set it back.
        builder.UseSetting("Touchpoint:SignIn:AttemptsPerMinute", "10000");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>An HTTP client signed in (bearer token) as a user with that role, made on first use.</summary>
    public async Task<HttpClient> ClientAsync(string role)
    {
        await _clientLock.WaitAsync();
        try
        {
            if (_clients.TryGetValue(role, out var cached))
            {
                return cached;
            }
            var email = role == Roles.Admin ? AdminEmail : $"{role}@test.local";
            var password = role == Roles.Admin ? AdminPassword : Password;
            if (role != Roles.Admin)
            {
                using var scope = Services.CreateScope();
                await scope.ServiceProvider.GetRequiredService<UserAdministration>().CreateAsync(email, password, [role], null, null);
            }
            var client = Anonymous();
            var login = await client.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
            login.EnsureSuccessStatusCode();
            var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            _clients[role] = client;
            return client;
        }
        finally
        {
            _clientLock.Release();
        }
    }

    /// <summary>A client with no credentials that does not follow redirects.</summary>
    public HttpClient Anonymous()
    {
        // Served on Kestrel, ClientOptions carries the real address once the server has started.
        _ = Services;
        return CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = ClientOptions.BaseAddress });
    }

    /// <summary>Runs code against the app's services (use cases, DbContext) in a scope of its own.</summary>
    public async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider);
    }

    protected override void Dispose(bool disposing)
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }
        base.Dispose(disposing);
        if (disposing)
        {
            _clientLock.Dispose();
            if (_pgDatabase is not null)
            {
                TestDatabases.DropPostgresDatabase(_pgDatabase);
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }
}

/// <summary>
/// One app per database provider, shared by the tests of one class (migrations run once per class, not per test);
/// tests keep out of each other's way by using numbers of their own.
/// </summary>
public sealed class AppPerProvider : IDisposable
{
    private readonly Dictionary<string, TouchpointApp> _apps = [];
    private readonly Lock _lock = new();

    public TouchpointApp For(string provider)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = new TouchpointApp(provider);
                _ = app.Services; // start it now: migrations, admin
                _apps[provider] = app;
            }
            return app;
        }
    }

    public void Dispose()
    {
        foreach (var app in _apps.Values)
        {
            app.Dispose();
        }
    }
}

/// <summary>Short unique codes so tests sharing an app never collide.</summary>
public static class Unique
{
    private static int _counter;

    public static string Code(string prefix) =>
        prefix + Interlocked.Increment(ref _counter).ToString("D4", System.Globalization.CultureInfo.InvariantCulture)
        + Guid.NewGuid().ToString("N")[..4].ToUpperInvariant();
}
