using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using Touchpoint.Web.Users;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>The home page: cues that open the list they count, the records opened last, the weekly chart.</summary>
public sealed class HomeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>A sales user linked to a new salesperson of their own; answers the e-mail and the salesperson code.</summary>
    private async Task<(string Email, string Salesperson, HttpClient Admin)> SalesUserAsync(string prefix)
    {
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var salesperson = Unique.Code("H")[..8];
        await admin.PostAsJsonAsync("/api/v1/salespeople", new { code = salesperson, name = $"Hanna {salesperson}" }).SucceededAsync();
        var email = $"{Unique.Code(prefix).ToLowerInvariant()}@test.local";
        await browser.App.WithScopeAsync(sp => sp.GetRequiredService<UserAdministration>().CreateAsync(email, TouchpointApp.Password, [Roles.Sales], salesperson, null));
        return (email, salesperson, admin);
    }

    [BrowserFact]
    public async Task A_cue_shows_its_number_and_opening_it_shows_a_list_with_that_many_rows()
    {
        var (email, salesperson, admin) = await SalesUserAsync("cue");
        var template = await admin.CreateTemplateAsync("Cue call", "none");
        var contact = await admin.CreateCompanyAsync($"Cue Co {salesperson}", "Malmö");
        for (var i = 0; i < 3; i++)
        {
            await admin.LogInteractionAsync(contact, template, $"Call {i}", DateOnly.FromDateTime(DateTime.Now), salespersonCode: salesperson);
        }
        await admin.PostAsJsonAsync("/api/v1/opportunities", new { description = "Desks", contactNo = contact, salespersonCode = salesperson }).SucceededAsync();
        await admin.PostAsJsonAsync("/api/v1/opportunities", new { description = "Lamps", contactNo = contact, salespersonCode = salesperson }).SucceededAsync();

        var page = await browser.SignedInPageAsync(email, TouchpointApp.Password);
        await Expect(page.GetByTestId("home-scope")).ToContainTextAsync(salesperson);
        await Expect(page.GetByTestId("cue-interactionsToday-count")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("cue-interactionsThisWeek-count")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("cue-openOpportunities-count")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("home-activity-summary")).ToContainTextAsync("3 yours");

        await page.GetByTestId("cue-interactionsToday").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/interactionLogEntries\\?salespersonCode={salesperson}&dateFrom=.*&canceled=false$"));
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("log-table").Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("log-table")).ToContainTextAsync("Call 2");

        await page.OpenAsync("/");
        await page.GetByTestId("cue-openOpportunities").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/opportunities\\?closed=false&salespersonCode={salesperson}$"));
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("opportunities-salesperson-filter")).ToContainTextAsync(salesperson);
        await Expect(page.GetByTestId("opportunities-table").Locator("tbody tr")).ToHaveCountAsync(2);
        // Closing the salesperson filter shows everyone's open opportunities again.
        await page.GetByTestId("opportunities-salesperson-filter").Locator("button").ClickAsync();
        await Expect(page.GetByTestId("opportunities-salesperson-filter")).ToHaveCountAsync(0);
        Assert.True(await page.GetByTestId("opportunities-table").Locator("tbody tr").CountAsync() >= 2);
    }

    [BrowserFact]
    public async Task A_user_without_a_salesperson_is_told_the_cues_count_everyones_work()
    {
        var admin = await browser.App.ClientAsync(Roles.Admin);
        using var cues = System.Text.Json.JsonDocument.Parse(await admin.GetStringAsync("/api/v1/relationshipManagementCues"));
        var segments = cues.RootElement.GetProperty("cues").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "segmentsNotLogged")
            .GetProperty("count").GetInt32();
        var page = await browser.SignedInPageAsync();
        await Expect(page.GetByTestId("home-scope")).ToContainTextAsync("No salesperson is linked to you");
        await Expect(page.GetByTestId("cue-segmentsNotLogged-count")).ToHaveTextAsync(segments.ToString("N0", System.Globalization.CultureInfo.GetCultureInfo("en-US")));
        await Expect(page.GetByTestId("cue-segmentsNotLogged")).ToContainTextAsync("Everyone's");
    }

    [BrowserFact]
    public async Task The_recent_records_list_the_contact_just_opened_first()
    {
        var (email, salesperson, admin) = await SalesUserAsync("rec");
        var first = await admin.CreateCompanyAsync($"Recent One {salesperson}", "Lund");
        var second = await admin.CreateCompanyAsync($"Recent Two {salesperson}", "Lund");
        var page = await browser.SignedInPageAsync(email, TouchpointApp.Password);
        await Expect(page.GetByTestId("home-recent-none")).ToBeVisibleAsync();

        await NotedAsync(page, () => page.OpenAsync($"/contacts/{first}"));
        await NotedAsync(page, () => page.OpenAsync($"/contacts/{second}"));
        await page.OpenAsync("/");
        var items = page.GetByTestId("home-recent-item");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.First).ToContainTextAsync($"Recent Two {salesperson}");
        await Expect(items.Nth(1)).ToContainTextAsync($"Recent One {salesperson}");

        // Opened again, the first comes back to the top, once.
        await NotedAsync(page, async () =>
        {
            await items.Nth(1).ClickAsync();
            await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{first}$"));
        });
        await page.OpenAsync("/");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.First).ToContainTextAsync($"Recent One {salesperson}");

        // Another user on the same browser does not see them.
        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("sign-out").ClickAsync();
        await page.SignInAsync();
        await Expect(page.GetByTestId("home-recent")).Not.ToContainTextAsync($"Recent One {salesperson}");
    }

    /// <summary>
    /// Does what opens a card and waits until the browser has noted it: the note is written just after the card shows,
    /// and a test (unlike a person) may leave the page sooner.
    /// </summary>
    private static async Task NotedAsync(IPage page, Func<Task> open)
    {
        const string Stored = "() => { const k = Object.keys(localStorage).find(k => k.startsWith('tp-recent-')); return k ? localStorage.getItem(k) : ''; }";
        var before = await page.EvaluateAsync<string>(Stored);
        await open();
        await page.WaitForFunctionAsync($"before => ({Stored})() !== before", before);
    }

    public static TheoryData<string, int, int> Screens => new()
    {
        { "en", 1440, 900 }, { "en", 1024, 768 }, { "en", 390, 844 },
        { "sv", 1440, 900 }, { "sv", 1024, 768 }, { "sv", 390, 844 },
        { "ru", 1440, 900 }, { "ru", 1024, 768 }, { "ru", 390, 844 },
    };

    [BrowserTheory]
    [MemberData(nameof(Screens))]
    public async Task Home_fits_the_screen_with_every_cue_and_the_chart(string language, int width, int height)
    {
        // A user of the demo company's salesperson JR, who has a year of interactions: the chart compares theirs with everyone's.
        var email = $"{Unique.Code("scr").ToLowerInvariant()}@test.local";
        await browser.App.WithScopeAsync(sp => sp.GetRequiredService<UserAdministration>().CreateAsync(email, TouchpointApp.Password, [Roles.Sales], "JR", null));
        var page = await browser.NewPageAsync(language);
        await page.SetViewportSizeAsync(width, height);
        await page.SignInAsync(email, TouchpointApp.Password);
        await Expect(page.GetByTestId("home-cues").Locator(".tp-cue")).ToHaveCountAsync(8);
        await Expect(page.GetByTestId("home-activity").Locator("svg").First).ToBeVisibleAsync();
        // Nothing wider than the window: no sideways scrolling.
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
            $"The home page scrolls sideways at {width} px in {language}.");
        foreach (var cue in await page.GetByTestId("home-cues").Locator(".tp-cue").AllAsync())
        {
            var box = await cue.BoundingBoxAsync();
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= width, $"A cue runs off the screen at {width} px in {language}.");
        }
        if (Environment.GetEnvironmentVariable("TOUCHPOINT_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"home-{language}-{width}.png"), FullPage = true });
        }
    }
}
