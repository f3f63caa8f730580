using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Users;

/// <summary>Users made for one test and their sessions: bearer tokens from the API, cookies from the sign-in page.</summary>
internal static partial class Sessions
{
    /// <summary>A new user with those roles, made by the admin; returns its id and e-mail.</summary>
    public static async Task<(string Id, string Email)> NewUserAsync(TouchpointApp app, params string[] roles)
    {
        var admin = await app.ClientAsync(Core.Common.Roles.Admin);
        var email = UserClients.NewEmail("s");
        var user = await (await admin.PostAsync("/api/v1/users", new { email, password = TouchpointApp.Password, roles })).JsonAsync(HttpStatusCode.Created);
        return (user.Str("id"), email);
    }

    public static async Task<JsonElement> LoginAsync(TouchpointApp app, string email, string password = TouchpointApp.Password) =>
        await (await app.Anonymous().PostAsync("/api/v1/auth/login", new { email, password })).JsonAsync(HttpStatusCode.OK);

    public static HttpClient Bearer(TouchpointApp app, string accessToken, string scheme = "Bearer")
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(scheme, accessToken);
        return client;
    }

    public static async Task<HttpClient> BearerAsync(TouchpointApp app, string email, string password = TouchpointApp.Password) =>
        Bearer(app, (await LoginAsync(app, email, password)).Str("accessToken"));

    public static Task<HttpResponseMessage> RefreshAsync(TouchpointApp app, string refreshToken) =>
        app.Anonymous().PostAsync("/api/v1/auth/refresh", new { refreshToken });

    /// <summary>A client that keeps no cookies of its own: each request carries the cookies given.</summary>
    public static HttpClient Plain(TouchpointApp app) =>
        app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    /// <summary>Signs in through the sign-in page and returns the Cookie header of the session.</summary>
    public static async Task<string> CookieSignInAsync(TouchpointApp app, string email, string password = TouchpointApp.Password)
    {
        using var client = Plain(app);
        var page = await client.GetAsync("/account/login");
        var antiforgery = Cookies(page);
        using var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = FormToken(await page.Content.ReadAsStringAsync()),
                ["_handler"] = "signin",
                ["Input.Email"] = email,
                ["Input.Password"] = password,
            }),
        };
        post.Headers.Add("Cookie", antiforgery);
        var signedIn = await client.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Cookies(signedIn);
        Assert.Contains(".AspNetCore.Identity.Application", session, StringComparison.Ordinal);
        return antiforgery + "; " + session;
    }

    /// <summary>GET of a page with the cookie: 200 when the session is accepted, a redirect to the sign-in page when not.</summary>
    public static async Task<HttpResponseMessage> PageAsync(TouchpointApp app, string path, string cookie)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookie);
        return await Plain(app).SendAsync(request);
    }

    public static string FormToken(string html) =>
        TokenInput().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("No anti-forgery token in the page.");

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
