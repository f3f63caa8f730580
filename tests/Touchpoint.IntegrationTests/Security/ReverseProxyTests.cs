using System.Net;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Security;

/// <summary>Behind a TLS-terminating proxy, and the headers every answer carries.</summary>
public sealed class ReverseProxyTests(EdgeApps apps) : IClassFixture<EdgeApps>
{
    [Theory, SqliteData, PostgresData]
    public async Task Over_https_through_a_known_proxy_the_app_sends_HSTS_and_secure_cookies(string provider)
    {
        var app = apps.For(provider);
        var client = app.From(EdgeApps.NewAddress());
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Host = "touchpoint.example";
        var (signedIn, _) = await client.SubmitSignInAsync(TouchpointApp.AdminEmail, TouchpointApp.AdminPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Contains("max-age=", string.Join(",", signedIn.Headers.GetValues("Strict-Transport-Security")), StringComparison.Ordinal);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        Assert.Contains("; secure", cookie, StringComparison.OrdinalIgnoreCase);
        var culture = await client.GetAsync(new Uri("/culture/set?culture=sv&redirectUri=/", UriKind.Relative));
        Assert.Contains("; secure", Assert.Single(culture.Headers.GetValues("Set-Cookie")), StringComparison.OrdinalIgnoreCase);

        // Plain HTTP: no HSTS (a browser would ignore it anyway), no Secure cookie that it could not send back.
        var (plain, _) = await app.From(EdgeApps.NewAddress()).SubmitSignInAsync(TouchpointApp.AdminEmail, TouchpointApp.AdminPassword);
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("; secure", Assert.Single(plain.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal)),
            StringComparison.OrdinalIgnoreCase);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Pages_carry_a_content_security_policy_nosniff_and_a_referrer_policy_and_no_server_header(string provider)
    {
        var client = apps.For(provider).From();
        foreach (var path in new[] { "/account/login", "/health", "/api/v1/contacts" })
        {
            var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            var csp = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
            Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
            Assert.Contains("frame-ancestors 'self'", csp, StringComparison.Ordinal);
            Assert.DoesNotContain("unsafe-eval", csp, StringComparison.Ordinal);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("same-origin", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
            Assert.False(response.Headers.Contains("Server"), path);
        }
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_redirect_does_not_repeat_the_Host_header_a_client_sent(string provider)
    {
        var client = apps.For(provider).From();
        client.DefaultRequestHeaders.Host = "evil.example";
        var response = await client.GetAsync(new Uri("/contacts", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?ReturnUrl=%2Fcontacts", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Forwarded_headers_count_only_from_configured_proxies_and_AllowedHosts_refuses_other_hosts()
    {
        using var app = new TouchpointApp(TestDatabases.Sqlite, kestrel: true);
        app.Settings["Touchpoint:KnownProxies"] = "10.1.2.3, 192.168.0.0/16";
        app.Settings["AllowedHosts"] = "touchpoint.example;localhost";
        var client = app.From();
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        client.DefaultRequestHeaders.Host = "touchpoint.example";
        // 127.0.0.1 is no longer a known proxy: its X-Forwarded-Proto is not believed.
        var response = await client.GetAsync(new Uri("/account/login", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));

        var other = app.From();
        other.DefaultRequestHeaders.Host = "evil.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await other.GetAsync(new Uri("/account/login", UriKind.Relative))).StatusCode);
    }
}
