using System.Net;
using System.Text.Json;
using Touchpoint.Core.Common;
using Touchpoint.IntegrationTests.Security;
using Touchpoint.IntegrationTests.Users;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Audit;

/// <summary>
/// The user side of the audit trail (entity user, key the user's e-mail): creation, changes of roles, salesperson and
/// disabled, password resets and changes, and sign-in lockouts, each with who did it. On the sign-in limits' own app
/// (a real port, clients of their own addresses), since a lockout is recorded with the address.
/// </summary>
public sealed class UserAuditTests(EdgeApps apps) : IClassFixture<EdgeApps>
{
    private static Task<JsonElement[]> TrailAsync(HttpClient admin, string email) =>
        AuditTrailTests.AuditAsync(admin, $"entity=user&key={Uri.EscapeDataString(email)}");

    [Theory, SqliteData, PostgresData]
    public async Task Creating_a_user_changing_roles_and_disabled_and_resetting_the_password_are_recorded_with_the_admin(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.ClientAsync(Roles.Admin);
        var email = UserClients.NewEmail("aud");
        var id = (await (await admin.PostAsync("/api/v1/users", new { email, password = TouchpointApp.Password, roles = new[] { Roles.Sales } }))
            .JsonAsync(HttpStatusCode.Created)).Str("id");
        await (await admin.PatchAsync($"/api/v1/users/{id}", new { roles = new[] { Roles.Sales, Roles.Admin }, disabled = true })).JsonAsync(HttpStatusCode.OK);
        await (await admin.PatchAsync($"/api/v1/users/{id}", new { disabled = false })).JsonAsync(HttpStatusCode.OK);
        // Nothing changes: nothing to record.
        await (await admin.PatchAsync($"/api/v1/users/{id}", new { roles = new[] { Roles.Admin, Roles.Sales } })).JsonAsync(HttpStatusCode.OK);
        await (await admin.PostAsync($"/api/v1/users/{id}/resetPassword", new { })).JsonAsync(HttpStatusCode.OK);

        // Typed in capitals, the e-mail still finds its lines.
        var trail = await TrailAsync(admin, email.ToUpperInvariant());
        Assert.Equal(["resetPassword", "change", "change", "create"], trail.Select(a => a.Str("action")));
        Assert.All(trail, a => Assert.Equal(TouchpointApp.AdminEmail, a.Str("userId")));
        Assert.All(trail, a => Assert.Equal(email, a.Str("key")));
        Assert.Equal("roles=sales", trail[3].Str("details"));
        Assert.Equal("roles=admin,sales; disabled=true", trail[2].Str("details"));
        Assert.Equal("disabled=false", trail[1].Str("details"));
        Assert.DoesNotContain(TouchpointApp.Password, string.Join(" ", trail.Select(a => a.GetRawText())), StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_refused_user_change_leaves_no_audit_line(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.ClientAsync(Roles.Admin);
        var (id, email) = await Sessions.NewUserAsync(app, Roles.Viewer);
        await (await admin.PatchAsync($"/api/v1/users/{id}", new { roles = new[] { "boss" } })).ProblemAsync(HttpStatusCode.BadRequest, "roles");
        await (await admin.PatchAsync($"/api/v1/users/{id}", new { salespersonCode = "NOSUCH" })).ProblemAsync(HttpStatusCode.BadRequest, "salespersonCode");
        Assert.Equal(["create"], (await TrailAsync(admin, email)).Select(a => a.Str("action")));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Changing_your_own_password_is_recorded_as_done_by_you(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.ClientAsync(Roles.Admin);
        var (_, email) = await Sessions.NewUserAsync(app, Roles.Sales);
        var user = await Sessions.BearerAsync(app, email);
        await (await user.PostAsync("/api/v1/auth/changePassword", new { currentPassword = "Wrong-Pass-123", newPassword = "Lantern-Fjord-2291" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "currentPassword");
        await (await user.PostAsync("/api/v1/auth/changePassword", new { currentPassword = TouchpointApp.Password, newPassword = "Lantern-Fjord-2291" }))
            .JsonAsync(HttpStatusCode.OK);

        var changed = Assert.Single(await TrailAsync(admin, email), a => a.Str("action") == "changePassword");
        Assert.Equal(email, changed.Str("userId"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Reaching_the_failed_sign_in_limit_is_recorded_once_with_the_address_however_often_the_client_goes_on(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.ClientAsync(Roles.Admin);
        var (_, email) = await Sessions.NewUserAsync(app, Roles.Viewer);
        var address = EdgeApps.NewAddress();
        var client = app.From(address);
        // The five failures allowed, sent at once: exactly one of them is the one that reaches the limit.
        var failures = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => client.SignInAsync(email.ToUpperInvariant(), "Wrong-Pass-123")));
        Assert.All(failures, f => Assert.Equal(HttpStatusCode.Unauthorized, f.StatusCode));
        for (var i = 0; i < 4; i++)
        {
            await (await client.SignInAsync(email, "Wrong-Pass-123")).ProblemAsync(HttpStatusCode.TooManyRequests);
        }

        var lockout = Assert.Single(await TrailAsync(admin, email), a => a.Str("action") == "lockout");
        Assert.Equal(email, lockout.Str("key"));
        Assert.Equal($"address={address}; knownUser=true", lockout.Str("details"));
        Assert.Equal(JsonValueKind.Null, lockout.GetProperty("userId").ValueKind);

        // An e-mail nobody has is recorded as well (the admin sees someone guessing), and says so.
        var unknown = UserClients.NewEmail("nobody");
        var guesser = app.From(EdgeApps.NewAddress());
        for (var i = 0; i < 5; i++)
        {
            await (await guesser.SignInAsync(unknown, "Wrong-Pass-123")).ProblemAsync(HttpStatusCode.Unauthorized);
        }
        Assert.Contains("knownUser=false", Assert.Single(await TrailAsync(admin, unknown)).Str("details"), StringComparison.Ordinal);
    }
}
