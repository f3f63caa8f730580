using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Persistence.Identity;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Security;

/// <summary>
/// One app per provider on a real port with the default sign-in limits (10 attempts a minute per address, 5 failed
/// passwords per e-mail and address). Requests come from 127.0.0.1, a known proxy, so each test speaks for clients of
/// its own with X-Forwarded-For.
/// </summary>
public sealed class EdgeApps : IDisposable
{
    private readonly Dictionary<string, TouchpointApp> _apps = [];
    private readonly Lock _lock = new();
    private static int _lastAddress;

    public TouchpointApp For(string provider)
    {
        lock (_lock)
        {
            if (!_apps.TryGetValue(provider, out var app))
            {
                app = new TouchpointApp(provider, kestrel: true);
                app.Settings["Touchpoint:SignIn:AttemptsPerMinute"] = "10";
                _ = app.ServerAddress;
                _apps[provider] = app;
            }
            return app;
        }
    }

    /// <summary>A client address no other test uses (TEST-NET-3).</summary>
    public static string NewAddress()
    {
        var n = Interlocked.Increment(ref _lastAddress);
        return $"203.0.{113 + (n / 250)}.{1 + (n % 250)}";
    }

    public void Dispose()
    {
        foreach (var app in _apps.Values)
        {
            app.Dispose();
        }
    }
}

internal static class ClientAddress
{
    /// <summary>
    /// An anonymous client of the app's real port that a proxy on this machine forwards for <paramref name="address"/>
    /// (none: the proxy's own). It follows no redirects and keeps no cookies (a test sends those it means to).
    /// </summary>
    public static HttpClient From(this TouchpointApp app, string? address = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = app.ServerAddress };
        if (address is not null)
        {
            client.DefaultRequestHeaders.Add("X-Forwarded-For", address);
        }
        return client;
    }

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password) =>
        client.PostAsync("/api/v1/auth/login", new { email, password });
}

public sealed class SignInLimitTests(EdgeApps apps) : IClassFixture<EdgeApps>
{
    [Theory, SqliteData, PostgresData]
    public async Task Sign_in_attempts_from_one_address_beyond_ten_a_minute_get_429_with_Retry_After(string provider)
    {
        var app = apps.For(provider);
        var client = app.From(EdgeApps.NewAddress());
        // Another e-mail each time: the address's limit, not the account's. One more token comes every 6 s, so on a
        // slow machine an eleventh or twelfth attempt may still pass.
        var failed = 0;
        HttpResponseMessage refused;
        while ((refused = await client.SignInAsync($"nobody{failed}@test.local", "Wrong-Pass-123")).StatusCode == HttpStatusCode.Unauthorized && failed < 20)
        {
            failed++;
        }
        Assert.InRange(failed, 10, 12);
        await refused.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        // Refreshing counts as well.
        await (await client.PostAsync("/api/v1/auth/refresh", new { refreshToken = "forged" })).ProblemAsync(HttpStatusCode.TooManyRequests);

        // Another client is not held up.
        await (await app.From(EdgeApps.NewAddress()).SignInAsync("nobody@test.local", "Wrong-Pass-123")).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Wrong_passwords_from_one_address_do_not_lock_the_account_for_anyone_else(string provider)
    {
        var app = apps.For(provider);
        var attacker = app.From(EdgeApps.NewAddress());
        for (var i = 0; i < 5; i++)
        {
            await (await attacker.SignInAsync(TouchpointApp.AdminEmail, "Wrong-Pass-123")).ProblemAsync(HttpStatusCode.Unauthorized);
        }
        // The guesser waits now, even with the right password...
        var waiting = await attacker.SignInAsync(TouchpointApp.AdminEmail, TouchpointApp.AdminPassword);
        await waiting.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.True(waiting.Headers.RetryAfter?.Delta?.TotalMinutes > 10, $"Retry-After: {waiting.Headers.RetryAfter}");
        // ...while the admin, from elsewhere, signs in.
        await (await app.From(EdgeApps.NewAddress()).SignInAsync(TouchpointApp.AdminEmail, TouchpointApp.AdminPassword)).JsonAsync(HttpStatusCode.OK);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Unknown_wrong_and_disabled_accounts_get_the_same_answer(string provider)
    {
        var app = apps.For(provider);
        var known = await NewUserAsync(app);
        var disabled = await NewUserAsync(app);
        await app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<TouchpointUser>>();
            return await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(disabled))!, DateTimeOffset.MaxValue);
        });
        var unknown = $"{Unique.Code("nobody").ToLowerInvariant()}@test.local";

        var answers = new List<string>();
        foreach (var (email, password) in new[] { (unknown, "Wrong-Pass-123"), (known, "Wrong-Pass-123"), (disabled, TouchpointApp.Password) })
        {
            var client = app.From(EdgeApps.NewAddress());
            for (var i = 0; i < 5; i++)
            {
                var failed = await (await client.SignInAsync(email, password)).ProblemAsync(HttpStatusCode.Unauthorized);
                answers.Add(failed.Str("title") + " | " + failed.Str("detail"));
            }
            // The sixth: as much a wait for an e-mail that exists as for one that does not (Identity's lockout said
            // "locked" for existing accounts only).
            var sixth = await client.SignInAsync(email, password);
            var problem = await sixth.ProblemAsync(HttpStatusCode.TooManyRequests);
            answers.Add(problem.Str("title"));
        }
        Assert.Equal(2, answers.Distinct().Count());
        Assert.DoesNotContain(answers, a => a.Contains("locked", StringComparison.OrdinalIgnoreCase));
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_unknown_email_takes_as_long_as_a_wrong_password(string provider)
    {
        var app = apps.For(provider);
        var known = await NewUserAsync(app);
        var unknown = $"{Unique.Code("nobody").ToLowerInvariant()}@test.local";
        var knownTimes = new List<double>();
        var unknownTimes = new List<double>();
        for (var round = 0; round < 4; round++)
        {
            var client = app.From(EdgeApps.NewAddress());
            knownTimes.Add(await TimeAsync(client, known));
            unknownTimes.Add(await TimeAsync(client, unknown));
        }
        var knownMedian = knownTimes.Order().ElementAt(2);
        var unknownMedian = unknownTimes.Order().ElementAt(2);
        // A password hash takes tens of milliseconds; a lookup alone, a few.
        Assert.True(unknownMedian > knownMedian * 0.5 && unknownMedian < knownMedian * 2,
            $"unknown e-mail {unknownMedian:N1} ms, wrong password {knownMedian:N1} ms");
    }

    private static async Task<double> TimeAsync(HttpClient client, string email)
    {
        var watch = Stopwatch.StartNew();
        await (await client.SignInAsync(email, "Wrong-Pass-123")).ProblemAsync(HttpStatusCode.Unauthorized);
        return watch.Elapsed.TotalMilliseconds;
    }

    private static async Task<string> NewUserAsync(TouchpointApp app)
    {
        var admin = await app.ClientAsync(Roles.Admin);
        var email = $"{Unique.Code("u").ToLowerInvariant()}@test.local";
        await (await admin.PostAsync("/api/v1/users", new { email, password = TouchpointApp.Password, roles = new[] { "viewer" } })).JsonAsync(HttpStatusCode.Created);
        return email;
    }
}
