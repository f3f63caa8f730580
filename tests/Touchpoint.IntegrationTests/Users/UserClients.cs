using System.Net;
using System.Net.Http.Headers;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Users;

/// <summary>Clients signed in as users of their own, for tests where who calls matters (the user's salesperson, e-mail).</summary>
internal static class UserClients
{
    /// <summary>A new sales user with that e-mail and salesperson link, made by the admin and signed in.</summary>
    public static async Task<HttpClient> SalesUserAsync(TouchpointApp app, string email, string? salespersonCode)
    {
        var admin = await app.ClientAsync(Roles.Admin);
        await (await admin.PostAsync("/api/v1/users", new { email, password = TouchpointApp.Password, roles = new[] { Roles.Sales }, salespersonCode }))
            .JsonAsync(HttpStatusCode.Created);
        var client = app.Anonymous();
        var tokens = await (await client.PostAsync("/api/v1/auth/login", new { email, password = TouchpointApp.Password })).JsonAsync(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", tokens.Str("accessToken"));
        return client;
    }

    public static string NewEmail(string prefix) => $"{Unique.Code(prefix).ToLowerInvariant()}@test.local";
}
