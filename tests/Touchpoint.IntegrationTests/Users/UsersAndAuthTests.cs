using System.Net;
using System.Net.Http.Headers;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Users;

public sealed class UsersAndAuthTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory, SqliteData, PostgresData]
    public async Task An_admin_creates_a_user_who_can_then_sign_in_and_refresh(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.ClientAsync(Roles.Admin);
        var email = $"{Unique.Code("u").ToLowerInvariant()}@test.local";
        var created = await (await admin.PostAsync("/api/v1/users", new { email, password = "Good-Pass-123", roles = new[] { "sales" } }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal("sales", Assert.Single(created.GetProperty("roles").EnumerateArray()).GetString());
        var list = await (await admin.GetAsync("/api/v1/users")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(list.GetProperty("value").EnumerateArray(), u => u.Str("email") == email);

        var client = app.Anonymous();
        var tokens = await (await client.PostAsync("/api/v1/auth/login", new { email, password = "Good-Pass-123" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Bearer", tokens.Str("tokenType"));
        Assert.True(tokens.GetProperty("expiresIn").GetInt32() > 0);
        var refreshed = await (await client.PostAsync("/api/v1/auth/refresh", new { refreshToken = tokens.Str("refreshToken") })).JsonAsync(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", refreshed.Str("accessToken"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/contacts")).StatusCode);
        await (await app.Anonymous().PostAsync("/api/v1/auth/refresh", new { refreshToken = "forged" })).ProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Bad_user_input_is_refused_at_the_field(string provider)
    {
        var admin = await apps.For(provider).ClientAsync(Roles.Admin);
        await (await admin.PostAsync("/api/v1/users", new { email = "r@test.local", password = "Good-Pass-123", roles = new[] { "boss" } })).ProblemAsync(HttpStatusCode.BadRequest, "roles");
        await (await admin.PostAsync("/api/v1/users", new { email = "p@test.local", password = "short", roles = new[] { "viewer" } })).ProblemAsync(HttpStatusCode.BadRequest, "password");
        await (await admin.PostAsync("/api/v1/users", new { email = "not-an-email", password = "Good-Pass-123", roles = new[] { "viewer" } })).ProblemAsync(HttpStatusCode.BadRequest, "email");
        await (await admin.PostAsync("/api/v1/users", new { email = "s@test.local", password = "Good-Pass-123", roles = new[] { "viewer" }, salespersonCode = "NOSUCH" })).ProblemAsync(HttpStatusCode.BadRequest, "salespersonCode");
        await (await admin.PostAsync("/api/v1/users", new { email = TouchpointApp.AdminEmail, password = "Good-Pass-123", roles = new[] { "viewer" } })).ProblemAsync(HttpStatusCode.Conflict, "email");
    }

    [Theory, SqliteData, PostgresData]
    public async Task Repeated_wrong_passwords_make_the_client_wait_without_saying_the_account_exists(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.ClientAsync(Roles.Admin);
        var email = $"{Unique.Code("lock").ToLowerInvariant()}@test.local";
        await (await admin.PostAsync("/api/v1/users", new { email, password = "Right-Pass-123", roles = new[] { "viewer" } })).JsonAsync(HttpStatusCode.Created);
        var client = app.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            await (await client.PostAsync("/api/v1/auth/login", new { email, password = "Wrong-Pass-123" })).ProblemAsync(HttpStatusCode.Unauthorized);
        }
        var waiting = await client.PostAsync("/api/v1/auth/login", new { email, password = "Right-Pass-123" });
        var problem = await waiting.ProblemAsync(HttpStatusCode.TooManyRequests);
        Assert.NotNull(waiting.Headers.RetryAfter);
        Assert.DoesNotContain("locked", problem.Str("detail"), StringComparison.OrdinalIgnoreCase);
    }
}
