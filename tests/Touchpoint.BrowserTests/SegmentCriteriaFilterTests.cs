using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>A BC filter expression in the criteria dialog, with the count of what it matches before anything is added.</summary>
public sealed class SegmentCriteriaFilterTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Two Swedish cities of the demo company, four contacts each in two companies.
    private const string Cities = "Gävsta|Gävhamn";

    [BrowserFact]
    public async Task A_user_adds_the_contacts_of_two_cities_after_seeing_how_many_the_filter_matches()
    {
        var client = await browser.App.ClientAsync(Roles.Sales);
        var expected = new List<string>();
        foreach (var city in Cities.Split('|'))
        {
            var contacts = await client.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?city={Uri.EscapeDataString(city)}&limit=1000");
            expected.AddRange(contacts.GetProperty("value").EnumerateArray().Select(c => c.GetProperty("no").GetString()!));
        }
        Assert.Equal(16, expected.Count);
        var no = await NewSegmentAsync(client);
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/segments/{no}");

        var criteria = await OpenCriteriaAsync(page, Cities.ToLowerInvariant());
        await Expect(criteria.GetByTestId("criteria-count")).ToHaveTextAsync("16 contacts match (16 new)", new() { Timeout = 20000 });
        await criteria.GetByTestId("criteria-run").ClickAsync();

        await Expect(page.Snackbar("16 contacts were added to the segment.")).ToBeVisibleAsync(new() { Timeout = 20000 });
        var lines = page.GetByTestId("segment-lines-table").Locator("tbody tr");
        await Expect(lines).ToHaveCountAsync(16);
        foreach (var contact in expected)
        {
            await Expect(page.GetByTestId($"segment-line-edit-{contact}")).ToHaveCountAsync(1);
        }

        // Again: all of them are in the segment now, so none is new; a malformed filter is shown at the field.
        criteria = await OpenCriteriaAsync(page, Cities);
        await Expect(criteria.GetByTestId("criteria-count")).ToHaveTextAsync("16 contacts match (0 new)", new() { Timeout = 20000 });
        await criteria.GetByTestId("criteria-city").Locator("input").FillAsync("Gävsta||");
        await Expect(criteria.GetByTestId("criteria-city")).ToContainTextAsync("is not a valid filter", new() { Timeout = 20000 });
        await Expect(criteria.GetByTestId("criteria-count")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task In_Russian_two_added_contacts_are_counted_with_the_few_form()
    {
        var client = await browser.App.ClientAsync(Roles.Sales);
        var contacts = await client.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?city={Uri.EscapeDataString("Gävsta")}&limit=2");
        var nos = contacts.GetProperty("value").EnumerateArray().Select(c => c.GetProperty("no").GetString()!).ToList();
        Assert.Equal(2, nos.Count);
        var no = await NewSegmentAsync(client);
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/culture/set?culture=ru&redirectUri={Uri.EscapeDataString($"/segments/{no}")}");

        await page.GetByTestId("segment-add-contacts").ClickAsync();
        var criteria = page.Locator(".mud-dialog").Filter(new() { Has = page.GetByTestId("criteria-run") });
        await criteria.GetByTestId("criteria-contact-nos").Locator("input").FillAsync(string.Join(", ", nos));
        // 2 takes the "few" form in Russian: "2 контакта", not "2 контактов".
        await Expect(criteria.GetByTestId("criteria-count")).ToHaveTextAsync("2 подходящих контакта (новых: 2)", new() { Timeout = 20000 });
        await criteria.GetByTestId("criteria-run").ClickAsync();

        await Expect(page.Snackbar("В сегмент добавлены 2 контакта.")).ToBeVisibleAsync(new() { Timeout = 20000 });
    }

    [BrowserFact]
    public async Task The_interaction_template_filter_is_picked_by_typing_part_of_the_template()
    {
        var no = await NewSegmentAsync(await browser.App.ClientAsync(Roles.Sales));
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/segments/{no}");
        var criteria = await OpenCriteriaAsync(page, Cities);
        await Expect(criteria.GetByTestId("criteria-count")).ToHaveTextAsync("16 contacts match (16 new)", new() { Timeout = 20000 });

        await page.PickTemplateAsync("criteria-template", "S_QUOTE");

        await Expect(criteria.GetByTestId("criteria-template").Locator("input").First).ToHaveValueAsync(new Regex("^S_QUOTE · "));
        // Only the contacts of those cities with a sales quote logged are counted now, and never more than before.
        await Expect(criteria.GetByTestId("criteria-count")).Not.ToHaveTextAsync("16 contacts match (16 new)", new() { Timeout = 20000 });
        await Expect(criteria.GetByTestId("criteria-count")).ToHaveTextAsync(new Regex("^([0-9]|1[0-5]) contacts? match"));
    }

    public static TheoryData<string, int, int> Layouts => new()
    {
        { "en", 1366, 900 }, { "en", 390, 844 }, { "sv", 1366, 900 }, { "sv", 390, 844 },
    };

    [BrowserTheory]
    [MemberData(nameof(Layouts))]
    public async Task The_criteria_dialog_shows_the_filter_syntax_and_the_count_in_the_users_language(string language, int width, int height)
    {
        var no = await NewSegmentAsync(await browser.App.ClientAsync(Roles.Sales));
        var page = await browser.SignedInPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.OpenAsync($"/culture/set?culture={language}&redirectUri={Uri.EscapeDataString($"/segments/{no}")}");

        var criteria = await OpenCriteriaAsync(page, Cities);
        var (count, help) = language == "sv" ? ("16 kontakter matchar (16 nya)", "t.ex. Posterenk|Kramlöv") : ("16 contacts match (16 new)", "e.g. Posterenk|Kramlöv");
        await Expect(criteria.GetByTestId("criteria-count")).ToHaveTextAsync(count, new() { Timeout = 20000 });
        await Expect(criteria.GetByTestId("criteria-city")).ToContainTextAsync(help);
        var box = await criteria.GetByTestId("criteria-count").BoundingBoxAsync();
        Assert.True(box is not null && box.X + box.Width <= width && box.Y + box.Height <= height, "The count is not in sight.");
        if (Environment.GetEnvironmentVariable("TOUCHPOINT_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"criteria-{language}-{width}.png") });
        }
    }

    private static async Task<string> NewSegmentAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/v1/segments", new { description = "Swedish customers" }).SucceededAsync();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("no").GetString()!;
    }

    /// <summary>Opens Add Contacts and types <paramref name="city"/> in its City filter.</summary>
    private static async Task<ILocator> OpenCriteriaAsync(IPage page, string city)
    {
        await page.GetByTestId("segment-add-contacts").ClickAsync();
        var criteria = page.Locator(".mud-dialog").Filter(new() { Has = page.GetByTestId("criteria-run") });
        await criteria.GetByTestId("criteria-city").Locator("input").FillAsync(city);
        return criteria;
    }
}
