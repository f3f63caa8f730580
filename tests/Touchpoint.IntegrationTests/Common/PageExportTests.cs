using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.IntegrationTests.Security;
using Touchpoint.IntegrationTests.Segments;
using Touchpoint.Persistence.Identity;
using Touchpoint.TestKit;
using Touchpoint.Web.Users;

namespace Touchpoint.IntegrationTests.Common;

/// <summary>
/// The pages' export route, <c>/export/{list}?format=csv|xlsx&amp;</c> the API list's filters: signed in with the pages'
/// cookie (the API takes bearer tokens only), the same rows, refusals and roles as the API list.
/// </summary>
public sealed class PageExportTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    // What a browser following a download link sends.
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    /// <summary>A client signed in through the sign-in page, as a browser is: it sends the pages' cookie, no bearer token.</summary>
    private static async Task<HttpClient> PageClientAsync(TouchpointApp app, string email, string password)
    {
        var client = app.Anonymous();
        var (signedIn, _) = await client.SubmitSignInAsync(email, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        var page = app.Anonymous();
        page.DefaultRequestHeaders.Add("Cookie", cookie.Split(';')[0]);
        page.DefaultRequestHeaders.Accept.ParseAdd(BrowserAccept);
        return page;
    }

    private static async Task<List<List<string>>> DownloadCsvAsync(HttpClient page, string url, string name)
    {
        var response = await page.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal(name + ".csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        return ExportTests.ParseCsv(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
    }

    /// <summary>One column of an export's rows, by its header.</summary>
    private static List<string> Column(List<List<string>> rows, string name) => [.. rows.Skip(1).Select(r => r[rows[0].IndexOf(name)])];

    /// <summary>One field of every row the API's JSON list answers (one page of up to 1000, enough for these tests).</summary>
    private static async Task<List<string>> ApiColumnAsync(HttpClient api, string url, string field) =>
        [.. (await (await api.GetAsync(url + "&limit=1000")).JsonAsync(HttpStatusCode.OK)).GetProperty("value").EnumerateArray()
            .Select(e => e.GetProperty(field) is { ValueKind: JsonValueKind.Number } n ? n.GetRawText() : e.GetProperty(field).GetString()!)];

    [Theory, SqliteData, PostgresData]
    public async Task Each_lists_page_export_holds_exactly_the_rows_the_api_list_selects_with_the_same_filters(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        var campaign = await ExportTests.CampaignCallsAsync(w, "First call", "=cmd second call");
        var segment = await SegmentLogTests.SegmentAsync(w, new { description = "Exported mailing" });
        await SegmentLogTests.AddAsync(w, segment, new { contactNos = new[] { w.Company, w.Person } });
        await (await w.Client.PostAsync($"/api/v1/segments/{segment}/log", new { })).JsonAsync(HttpStatusCode.OK);
        await app.ClientAsync(Roles.Viewer);
        var page = await PageClientAsync(app, $"{Roles.Viewer}@test.local", TouchpointApp.Password);

        var logFilter = $"contactNo={w.Person}&campaignNo={campaign}";
        var log = await DownloadCsvAsync(page, $"/export/interactionLogEntries?format=csv&{logFilter}", "interactionLogEntries");
        Assert.Equal(await ApiColumnAsync(w.Client, $"/api/v1/interactionLogEntries?{logFilter}", "entryNo"), Column(log, "entryNo"));
        Assert.Equal(["'=cmd second call", "First call"], Column(log, "description"));

        var contactFilter = $"companyNo={w.Company}&type=person";
        var contacts = await DownloadCsvAsync(page, $"/export/contacts?format=csv&{contactFilter}", "contacts");
        Assert.Equal([w.Person], Column(contacts, "no"));
        Assert.Equal(await ApiColumnAsync(w.Client, $"/api/v1/contacts?{contactFilter}", "no"), Column(contacts, "no"));

        var entries = await DownloadCsvAsync(page, $"/export/campaignEntries?format=csv&campaignNo={campaign}", "campaignEntries");
        Assert.Equal(2, entries.Count - 1);
        Assert.Equal(await ApiColumnAsync(w.Client, $"/api/v1/campaignEntries?campaignNo={campaign}", "entryNo"), Column(entries, "entryNo"));

        var logged = await DownloadCsvAsync(page, $"/export/loggedSegments?format=csv&search={segment}&canceled=false", "loggedSegments");
        Assert.Equal([segment], Column(logged, "segmentNo"));
        Assert.Equal(await ApiColumnAsync(w.Client, $"/api/v1/loggedSegments?search={segment}&canceled=false", "entryNo"), Column(logged, "entryNo"));

        var excel = await page.GetAsync($"/export/interactionLogEntries?format=xlsx&{logFilter}");
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", excel.Content.Headers.ContentType?.MediaType);
        Assert.Equal("interactionLogEntries.xlsx", excel.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        using var zip = new ZipArchive(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = await sheet.ReadToEndAsync();
        Assert.Contains("First call", xml);
        Assert.DoesNotContain("Company only call", xml);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_page_export_refuses_anonymous_callers_users_the_api_refuses_and_a_bad_format_or_filter_with_a_problem(string provider)
    {
        var app = apps.For(provider);
        var anonymous = app.Anonymous();
        var refused = await anonymous.GetAsync("/export/interactionLogEntries?format=csv");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/account/login", refused.Headers.Location?.OriginalString, StringComparison.Ordinal);

        // A user who holds no role that reads the lists (roles taken away outside the app): the API answers 403, the page
        // route sends the browser to the page that says so.
        var email = $"{Unique.Code("norole").ToLowerInvariant()}@test.local";
        await app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<UserAdministration>().CreateAsync(email, TouchpointApp.Password, [Roles.Viewer], null, null);
            var users = sp.GetRequiredService<UserManager<TouchpointUser>>();
            return await users.RemoveFromRoleAsync((await users.FindByEmailAsync(email))!, Roles.Viewer);
        });
        var bearer = app.Anonymous();
        var login = await (await bearer.PostAsync("/api/v1/auth/login", new { email, password = TouchpointApp.Password })).JsonAsync(HttpStatusCode.OK);
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", login.Str("accessToken"));
        var noRole = await PageClientAsync(app, email, TouchpointApp.Password);
        foreach (var list in new[] { "contacts", "interactionLogEntries", "campaignEntries", "loggedSegments" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await bearer.GetAsync($"/api/v1/{list}")).StatusCode);
            var denied = await noRole.GetAsync($"/export/{list}?format=csv");
            Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
            Assert.StartsWith("/account/denied", denied.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }

        await app.ClientAsync(Roles.Sales);
        var page = await PageClientAsync(app, $"{Roles.Sales}@test.local", TouchpointApp.Password);
        await (await page.GetAsync("/export/contacts?format=pdf")).ProblemAsync(HttpStatusCode.BadRequest, "format");
        await (await page.GetAsync("/export/contacts")).ProblemAsync(HttpStatusCode.BadRequest, "format");
        await (await page.GetAsync("/export/contacts?format=csv&type=alien")).ProblemAsync(HttpStatusCode.BadRequest, "type");
        await (await page.GetAsync("/export/interactionLogEntries?format=xlsx&dateFrom=someday")).ProblemAsync(HttpStatusCode.BadRequest, "dateFrom");
        await (await page.GetAsync("/export/loggedSegments?format=csv&canceled=maybe")).ProblemAsync(HttpStatusCode.BadRequest, "canceled");
        await (await page.GetAsync("/export/interactionLogEntries?format=csv&dateFrom=2026-05-01&dateTo=2026-04-01")).ProblemAsync(HttpStatusCode.BadRequest);
        await (await page.GetAsync("/export/campaignEntries?format=csv&campaignNo=A%00B")).ProblemAsync(HttpStatusCode.BadRequest, "campaignNo");
    }
}
