using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Persistence;
using Touchpoint.Web.Account;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Users;

/// <summary>
/// What an admin or the user changes takes effect at the user's next request, for bearer tokens and cookies alike
/// (docs/api.md, "Authentication and roles"); refresh tokens work once.
/// </summary>
public sealed class SessionTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory, SqliteData, PostgresData]
    public async Task A_role_change_refuses_the_users_token_at_the_next_request(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.ClientAsync(Roles.Admin);
        var (id, email) = await Sessions.NewUserAsync(app, Roles.Sales);
        var user = await Sessions.BearerAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/v1/contacts?limit=1")).StatusCode);

        var changed = await (await admin.PatchAsync($"/api/v1/users/{id}", new { roles = new[] { Roles.Viewer } })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(Roles.Viewer, Assert.Single(changed.GetProperty("roles").EnumerateArray()).GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/contacts?limit=1")).StatusCode);

        var again = await Sessions.BearerAsync(app, email);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.PostAsync("/api/v1/salespeople", new { code = Unique.Code("R"), name = "x" })).StatusCode);
        // The salesperson alone is no reason to sign anyone out.
        await (await admin.PatchAsync($"/api/v1/users/{id}", new { salespersonCode = (string?)null })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await again.GetAsync("/api/v1/contacts?limit=1")).StatusCode);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_disabled_user_is_refused_everywhere_until_enabled_again(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.ClientAsync(Roles.Admin);
        var (id, email) = await Sessions.NewUserAsync(app, Roles.Sales);
        var tokens = await Sessions.LoginAsync(app, email);
        var cookie = await Sessions.CookieSignInAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, (await Sessions.PageAsync(app, "/", cookie)).StatusCode);

        var user = await (await admin.PatchAsync($"/api/v1/users/{id}", new { disabled = true })).JsonAsync(HttpStatusCode.OK);
        Assert.True(user.GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Sessions.Bearer(app, tokens.Str("accessToken")).GetAsync("/api/v1/contacts?limit=1")).StatusCode);
        await (await Sessions.RefreshAsync(app, tokens.Str("refreshToken"))).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Redirect, (await Sessions.PageAsync(app, "/", cookie)).StatusCode);
        await (await app.Anonymous().PostAsync("/api/v1/auth/login", new { email, password = TouchpointApp.Password })).ProblemAsync(HttpStatusCode.Unauthorized);

        await (await admin.PatchAsync($"/api/v1/users/{id}", new { disabled = false })).JsonAsync(HttpStatusCode.OK);
        Assert.False((await (await admin.GetAsync($"/api/v1/users/{id}")).JsonAsync(HttpStatusCode.OK)).GetProperty("disabled").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await (await Sessions.BearerAsync(app, email)).GetAsync("/api/v1/contacts?limit=1")).StatusCode);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_password_reset_answers_a_new_password_once_and_ends_the_users_sessions(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.ClientAsync(Roles.Admin);
        var (id, email) = await Sessions.NewUserAsync(app, Roles.Viewer);
        var user = await Sessions.BearerAsync(app, email);

        var reset = await (await admin.PostAsync($"/api/v1/users/{id}/resetPassword", new { })).JsonAsync(HttpStatusCode.OK);
        var password = reset.Str("password");
        Assert.True(password.Length >= 12);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/contacts?limit=1")).StatusCode);
        await (await app.Anonymous().PostAsync("/api/v1/auth/login", new { email, password = TouchpointApp.Password })).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await (await Sessions.BearerAsync(app, email, password)).GetAsync("/api/v1/contacts?limit=1")).StatusCode);
        await (await admin.PostAsync("/api/v1/users/no-such-user/resetPassword", new { })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Changing_your_own_password_needs_the_current_one_and_ends_your_other_sessions(string provider)
    {
        var app = apps.For(provider);
        var (_, email) = await Sessions.NewUserAsync(app, Roles.Sales);
        var tokens = await Sessions.LoginAsync(app, email);
        var user = Sessions.Bearer(app, tokens.Str("accessToken"));
        const string newPassword = "Lantern-Fjord-2291";

        await (await user.PostAsync("/api/v1/auth/changePassword", new { currentPassword = "Wrong-Pass-123", newPassword })).ProblemAsync(HttpStatusCode.BadRequest, "currentPassword");
        await (await user.PostAsync("/api/v1/auth/changePassword", new { currentPassword = TouchpointApp.Password, newPassword = "Password1" })).ProblemAsync(HttpStatusCode.BadRequest, "newPassword");
        var fresh = await (await user.PostAsync("/api/v1/auth/changePassword", new { currentPassword = TouchpointApp.Password, newPassword })).JsonAsync(HttpStatusCode.OK);

        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/contacts?limit=1")).StatusCode);
        await (await Sessions.RefreshAsync(app, tokens.Str("refreshToken"))).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, (await Sessions.Bearer(app, fresh.Str("accessToken")).GetAsync("/api/v1/contacts?limit=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await Sessions.BearerAsync(app, email, newPassword)).GetAsync("/api/v1/contacts?limit=1")).StatusCode);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Logout_refuses_the_token_and_its_refresh_token_afterwards(string provider)
    {
        var app = apps.For(provider);
        var (_, email) = await Sessions.NewUserAsync(app, Roles.Viewer);
        var tokens = await Sessions.LoginAsync(app, email);
        var user = Sessions.Bearer(app, tokens.Str("accessToken"));
        Assert.Equal(HttpStatusCode.NoContent, (await user.PostAsync("/api/v1/auth/logout", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await user.GetAsync("/api/v1/contacts?limit=1")).StatusCode);
        await (await Sessions.RefreshAsync(app, tokens.Str("refreshToken"))).ProblemAsync(HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Anonymous().PostAsync("/api/v1/auth/logout", new { })).StatusCode);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_stamp_changed_by_another_server_of_the_database_refuses_the_token_within_the_check_lifetime(string provider)
    {
        var app = apps.For(provider);
        var (id, email) = await Sessions.NewUserAsync(app, Roles.Viewer);
        var user = await Sessions.BearerAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, (await user.GetAsync("/api/v1/contacts?limit=1")).StatusCode);

        // Not through this server's user manager: as another server, or the command line, would change it.
        await app.WithScopeAsync(sp => sp.GetRequiredService<TouchpointDbContext>().Database.ExecuteSqlRawAsync(
            "UPDATE \"AspNetUsers\" SET \"SecurityStamp\" = {0} WHERE \"Id\" = {1}", Guid.NewGuid().ToString("N"), id));
        var changedAt = DateTimeOffset.UtcNow;
        HttpStatusCode status;
        do
        {
            status = (await user.GetAsync("/api/v1/contacts?limit=1")).StatusCode;
            if (status == HttpStatusCode.OK)
            {
                await Task.Delay(250);
            }
        }
        while (status == HttpStatusCode.OK && DateTimeOffset.UtcNow - changedAt < SecurityStampCheck.Lifetime + TimeSpan.FromSeconds(5));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.InRange(DateTimeOffset.UtcNow - changedAt, TimeSpan.Zero, SecurityStampCheck.Lifetime + TimeSpan.FromSeconds(2));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_refresh_token_works_once_and_each_refresh_gives_a_new_one(string provider)
    {
        var app = apps.For(provider);
        var (_, email) = await Sessions.NewUserAsync(app, Roles.Viewer);
        var first = await Sessions.LoginAsync(app, email);
        var other = await Sessions.LoginAsync(app, email);

        var second = await (await Sessions.RefreshAsync(app, first.Str("refreshToken"))).JsonAsync(HttpStatusCode.OK);
        Assert.NotEqual(first.Str("refreshToken"), second.Str("refreshToken"));
        await (await Sessions.RefreshAsync(app, first.Str("refreshToken"))).ProblemAsync(HttpStatusCode.Unauthorized);
        var third = await (await Sessions.RefreshAsync(app, second.Str("refreshToken"))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, (await Sessions.Bearer(app, third.Str("accessToken")).GetAsync("/api/v1/contacts?limit=1")).StatusCode);
        // Another session of the same user keeps its own refresh token.
        await (await Sessions.RefreshAsync(app, other.Str("refreshToken"))).JsonAsync(HttpStatusCode.OK);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_bearer_scheme_name_is_accepted_in_any_case(string provider)
    {
        var app = apps.For(provider);
        var (_, email) = await Sessions.NewUserAsync(app, Roles.Viewer);
        var token = (await Sessions.LoginAsync(app, email)).Str("accessToken");
        foreach (var scheme in new[] { "bearer", "BEARER", "Bearer" })
        {
            Assert.Equal(HttpStatusCode.OK, (await Sessions.Bearer(app, token, scheme).GetAsync("/api/v1/contacts?limit=1")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await Sessions.Bearer(app, token + "x", "bearer").GetAsync("/api/v1/contacts?limit=1")).StatusCode);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Short_and_common_passwords_are_refused(string provider)
    {
        var admin = await apps.For(provider).ClientAsync(Roles.Admin);
        foreach (var password in new[] { "Password1", "Password1234", "Qwerty123456!", "2024iloveyou!", "Good-Pass-1" })
        {
            await (await admin.PostAsync("/api/v1/users", new { email = UserClients.NewEmail("pw"), password, roles = new[] { Roles.Viewer } }))
                .ProblemAsync(HttpStatusCode.BadRequest, "password");
        }
        await (await admin.PostAsync("/api/v1/users", new { email = UserClients.NewEmail("pw"), password = "Copper-Kettle-7719", roles = new[] { Roles.Viewer } }))
            .JsonAsync(HttpStatusCode.Created);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_user_is_read_and_changed_by_id_with_bad_input_refused_at_the_field(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.ClientAsync(Roles.Admin);
        var (id, email) = await Sessions.NewUserAsync(app, Roles.Sales);
        var user = await (await admin.GetAsync($"/api/v1/users/{id}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(email, user.Str("email"));
        Assert.False(user.GetProperty("disabled").GetBoolean());
        await (await admin.GetAsync("/api/v1/users/no-such-user")).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PatchAsync("/api/v1/users/no-such-user", new { disabled = true })).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PatchAsync($"/api/v1/users/{id}", new { roles = new[] { "boss" } })).ProblemAsync(HttpStatusCode.BadRequest, "roles");
        await (await admin.PatchAsync($"/api/v1/users/{id}", new { disabled = (bool?)null })).ProblemAsync(HttpStatusCode.BadRequest, "disabled");
        await (await admin.PatchAsync($"/api/v1/users/{id}", new { salespersonCode = "NOSUCH" })).ProblemAsync(HttpStatusCode.BadRequest, "salespersonCode");
        await (await admin.PatchAsync($"/api/v1/users/{id}", new { email = "x@y.z" })).ProblemAsync(HttpStatusCode.BadRequest, "email");
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_last_admin_can_neither_be_disabled_nor_lose_the_role(string provider)
    {
        using var app = new TouchpointApp(provider);
        var admin = await app.ClientAsync(Roles.Admin);
        var users = await (await admin.GetAsync("/api/v1/users")).JsonAsync(HttpStatusCode.OK);
        var id = users.GetProperty("value").EnumerateArray().Single(u => u.Str("email") == TouchpointApp.AdminEmail).Str("id");

        var disable = await (await admin.PatchAsync($"/api/v1/users/{id}", new { disabled = true })).ProblemAsync(HttpStatusCode.Conflict, "disabled");
        Assert.Contains("admin", disable.Str("detail"), StringComparison.OrdinalIgnoreCase);
        await (await admin.PatchAsync($"/api/v1/users/{id}", new { roles = new[] { Roles.Sales } })).ProblemAsync(HttpStatusCode.Conflict, "roles");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/users")).StatusCode);

        // With a second admin, the first may step down.
        var (second, _) = await Sessions.NewUserAsync(app, Roles.Admin);
        await (await admin.PatchAsync($"/api/v1/users/{id}", new { roles = new[] { Roles.Sales } })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/api/v1/users")).StatusCode);
        Assert.NotNull(second);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Signing_out_of_the_pages_needs_the_antiforgery_token_and_refuses_the_cookie_afterwards(string provider)
    {
        var app = apps.For(provider);
        var (_, email) = await Sessions.NewUserAsync(app, Roles.Sales);
        var cookie = await Sessions.CookieSignInAsync(app, email);
        var home = await Sessions.PageAsync(app, "/", cookie);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);

        using var forged = new HttpRequestMessage(HttpMethod.Post, "/account/logout") { Content = new FormUrlEncodedContent([]) };
        forged.Headers.Add("Cookie", cookie);
        Assert.Equal(HttpStatusCode.BadRequest, (await Sessions.Plain(app).SendAsync(forged)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Sessions.PageAsync(app, "/", cookie)).StatusCode);

        using var signOut = new HttpRequestMessage(HttpMethod.Post, "/account/logout")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Sessions.FormToken(await home.Content.ReadAsStringAsync()) }),
        };
        signOut.Headers.Add("Cookie", cookie);
        var signedOut = await Sessions.Plain(app).SendAsync(signOut);
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        // A copy of the cookie kept from before is refused too.
        var after = await Sessions.PageAsync(app, "/", cookie);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/account/login", after.Headers.Location?.ToString(), StringComparison.Ordinal);
    }
}
