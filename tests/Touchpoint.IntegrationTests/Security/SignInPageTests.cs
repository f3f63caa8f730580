using System.Net;
using System.Text.RegularExpressions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Security;

/// <summary>The sign-in page (a plain form, cookie sign-in): the same limits as the API, safe redirects, a language picker.</summary>
public sealed partial class SignInPageTests(EdgeApps apps) : IClassFixture<EdgeApps>
{
    [Theory, SqliteData, PostgresData]
    public async Task The_sign_in_page_counts_failed_passwords_like_the_api(string provider)
    {
        var client = apps.For(provider).From(EdgeApps.NewAddress());
        for (var i = 0; i < 5; i++)
        {
            var (failed, page) = await client.SubmitSignInAsync(TouchpointApp.AdminEmail, "Wrong-Pass-123");
            Assert.Equal(HttpStatusCode.OK, failed.StatusCode);
            Assert.Contains("The email or password is not correct.", page, StringComparison.Ordinal);
        }
        var (waiting, text) = await client.SubmitSignInAsync(TouchpointApp.AdminEmail, TouchpointApp.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, waiting.StatusCode);
        Assert.NotNull(waiting.Headers.RetryAfter);
        Assert.Contains("Too many sign-in attempts", text, StringComparison.Ordinal);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_sign_in_page_counts_against_the_address_with_the_api(string provider)
    {
        var client = apps.For(provider).From(EdgeApps.NewAddress());
        for (var i = 0; i < 10; i++)
        {
            await (await client.SignInAsync($"nobody{i}@test.local", "Wrong-Pass-123")).ProblemAsync(HttpStatusCode.Unauthorized);
        }
        var (waiting, _) = await client.SubmitSignInAsync(TouchpointApp.AdminEmail, TouchpointApp.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, waiting.StatusCode);
    }

    public static TheoryData<string> ForeignTargets => ["//evil.example", "/\\evil.example", "https://evil.example/", "/\t/evil.example", "evil.example"];

    [Theory, SqliteData(nameof(ForeignTargets)), PostgresData(nameof(ForeignTargets))]
    public async Task After_signing_in_the_page_sends_only_to_a_page_of_this_site(string provider, string returnUrl)
    {
        var client = apps.For(provider).From(EdgeApps.NewAddress());
        var (signedIn, _) = await client.SubmitSignInAsync(TouchpointApp.AdminEmail, TouchpointApp.AdminPassword, returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal(new Uri(client.BaseAddress!, "/"), new Uri(client.BaseAddress!, signedIn.Headers.Location!));

        var (local, _) = await client.SubmitSignInAsync(TouchpointApp.AdminEmail, TouchpointApp.AdminPassword, "/contacts?search=a");
        Assert.Equal(new Uri(client.BaseAddress!, "/contacts?search=a"), new Uri(client.BaseAddress!, local.Headers.Location!));
    }

    [Theory, SqliteData(nameof(ForeignTargets)), PostgresData(nameof(ForeignTargets))]
    public async Task The_language_picker_sends_only_to_a_page_of_this_site(string provider, string redirectUri)
    {
        var client = apps.For(provider).From();
        var response = await client.GetAsync(new Uri($"/culture/set?culture=nl&redirectUri={Uri.EscapeDataString(redirectUri)}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_language_can_be_chosen_on_the_sign_in_page_without_signing_in(string provider)
    {
        var client = apps.For(provider).From();
        var page = await (await client.GetAsync(new Uri("/account/login", UriKind.Relative))).Content.ReadAsStringAsync();
        var link = WebUtility.HtmlDecode(LanguageLink().Match(page).Groups["href"].Value);
        Assert.StartsWith("/culture/set?culture=nl", link, StringComparison.Ordinal);

        var chosen = await client.GetAsync(new Uri(link, UriKind.Relative));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/account/login", chosen.Headers.Location?.OriginalString);
        var cookie = Assert.Single(chosen.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Culture=c%3Dnl", StringComparison.Ordinal));
        using var again = new HttpRequestMessage(HttpMethod.Get, new Uri("/account/login", UriKind.Relative));
        again.Headers.Add("Cookie", cookie.Split(';')[0]);
        var dutch = await (await client.SendAsync(again)).Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"nl\"", dutch, StringComparison.Ordinal);
    }

    [GeneratedRegex("<a href=\"(?<href>[^\"]+)\"[^>]*data-testid=\"language-nl\"")]
    private static partial Regex LanguageLink();
}

internal static partial class SignInForm
{
    /// <summary>Opens the sign-in page and posts its form as a browser does (anti-forgery token and cookie); does not follow the redirect.</summary>
    public static async Task<(HttpResponseMessage Response, string Text)> SubmitSignInAsync(this HttpClient client, string email, string password,
        string? returnUrl = null)
    {
        var path = "/account/login" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var opened = await client.GetAsync(new Uri(path, UriKind.Relative));
        var page = await opened.Content.ReadAsStringAsync();
        var token = Token().Match(page).Groups["value"].Value;
        // By hand: a cookie marked Secure (the request came as HTTPS through the proxy) would not go back over http://.
        var cookies = string.Join("; ", opened.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "signin",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        using var post = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = form };
        post.Headers.Add("Cookie", cookies);
        var response = await client.SendAsync(post);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<value>[^\"]+)\"")]
    private static partial Regex Token();
}
