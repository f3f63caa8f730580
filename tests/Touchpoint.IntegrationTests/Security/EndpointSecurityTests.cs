using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Security;

/// <summary>
/// Walks every endpoint the app maps (API, pages, hubs, OpenAPI) rather than a hand-kept list, so a new endpoint
/// that forgets its authorization fails here.
/// </summary>
public sealed class EndpointSecurityTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    // What may answer without signing in, by route pattern.
    // /culture/set: the sign-in page has a language picker too.
    private static readonly string[] Anonymous = ["/health", "/account/login", "/api/v1/auth/login", "/api/v1/auth/refresh", "/culture/set"];

    private static bool IsStaticFile(string pattern) =>
        pattern.Contains(":file}", StringComparison.Ordinal) || pattern.StartsWith("_framework/", StringComparison.Ordinal) || pattern.StartsWith("_content/", StringComparison.Ordinal)
        || Path.HasExtension(pattern.Split('/').Last()) && !pattern.Contains('{', StringComparison.Ordinal);

    private static List<(string Method, string Path, RouteEndpoint Endpoint)> Endpoints(TouchpointApp app)
    {
        var list = new List<(string, string, RouteEndpoint)>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = endpoint.RoutePattern.RawText?.Trim('/') ?? "";
            if (IsStaticFile(pattern))
            {
                continue;
            }
            // Each parameter gets a value its route constraint accepts, so the request reaches the endpoint itself.
            var path = "/" + string.Join('/', pattern.Split('/').Select(segment =>
                segment.Contains("linkToTable", StringComparison.Ordinal) ? "customer"
                : Regex.Replace(segment, @"\{[^}]*\}", m => m.Value.Contains(":long", StringComparison.Ordinal) || m.Value.Contains(":int", StringComparison.Ordinal) ? "1" : "X1")));
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            list.AddRange(methods.Select(m => (m, path, endpoint)));
        }
        return list;
    }

    [Fact]
    public void The_app_maps_the_endpoints_this_test_expects_to_walk()
    {
        var endpoints = Endpoints(apps.For(TestDatabases.Sqlite));
        Assert.Contains(endpoints, e => e.Path == "/api/v1/contacts" && e.Method == "POST");
        Assert.Contains(endpoints, e => e.Path == "/");
        Assert.Contains(endpoints, e => e.Path == "/openapi/X1.json");
        Assert.True(endpoints.Count > 30, $"only {endpoints.Count} endpoints found");
    }

    [Fact]
    public async Task Every_endpoint_but_health_and_sign_in_refuses_an_anonymous_caller()
    {
        var app = apps.For(TestDatabases.Sqlite);
        var client = app.Anonymous();
        var failures = new List<string>();
        foreach (var (method, path, endpoint) in Endpoints(app))
        {
            var allowed = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var pattern = "/" + endpoint.RoutePattern.RawText?.Trim('/');
            if (Anonymous.Contains(pattern))
            {
                continue;
            }
            if (allowed)
            {
                failures.Add($"{method} {pattern} allows anonymous callers");
                continue;
            }
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "POST" or "PUT" or "PATCH")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }
            using var response = await client.SendAsync(request);
            var ok = path.StartsWith("/api/", StringComparison.Ordinal)
                ? response.StatusCode == HttpStatusCode.Unauthorized
                : response.StatusCode == HttpStatusCode.Unauthorized
                  || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.ToString().Contains("/account/login", StringComparison.Ordinal) == true);
            if (!ok)
            {
                failures.Add($"{method} {path} answered {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_anonymous_endpoints_answer_without_signing_in(string provider)
    {
        var client = apps.For(provider).Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        var signIn = await client.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Contains("password", await signIn.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_viewer_can_read_but_every_api_write_is_forbidden()
    {
        var app = apps.For(TestDatabases.Sqlite);
        var viewer = await app.ClientAsync(Roles.Viewer);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/api/v1/contacts")).StatusCode);
        var failures = new List<string>();
        var writes = Endpoints(app).Where(e => e.Path.StartsWith("/api/v1/", StringComparison.Ordinal)
            && !e.Path.StartsWith("/api/v1/auth/", StringComparison.Ordinal) && e.Method is "POST" or "PUT" or "PATCH" or "DELETE");
        foreach (var (method, path, _) in writes)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is not "DELETE")
            {
                request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
            }
            using var response = await viewer.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{method} {path} answered {(int)response.StatusCode} to a viewer");
            }
        }
        Assert.True(writes.Any());
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public async Task Only_admins_manage_users()
    {
        var app = apps.For(TestDatabases.Sqlite);
        var sales = await app.ClientAsync(Roles.Sales);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.GetAsync("/api/v1/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sales.PostAsync("/api/v1/users", new { email = "x@y.z", password = "Whatever-123", roles = new[] { "admin" } })).StatusCode);
    }
}

public sealed class OpenApiTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Fact]
    public async Task Signed_in_users_get_an_OpenAPI_description_of_every_api_endpoint_with_its_body()
    {
        var app = apps.For(TestDatabases.Sqlite);
        var viewer = await app.ClientAsync(Roles.Viewer);
        var document = await (await viewer.GetAsync("/openapi/v1.json")).JsonAsync(HttpStatusCode.OK);
        var paths = document.GetProperty("paths");
        foreach (var path in new[] { "/api/v1/contacts", "/api/v1/contacts/{no}", "/api/v1/salespeople", "/api/v1/campaigns", "/api/v1/opportunities", "/api/v1/users", "/api/v1/auth/login" })
        {
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not described");
        }
        var post = paths.GetProperty("/api/v1/contacts").GetProperty("post");
        Assert.True(post.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.Equal(HttpStatusCode.Redirect, (await app.Anonymous().GetAsync("/openapi/v1.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync("/scalar/v1")).StatusCode);
    }
}
