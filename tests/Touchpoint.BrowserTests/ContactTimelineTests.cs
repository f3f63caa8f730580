using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>The contact card's timeline, as a sales user reads it: order, dates, notes, a company's persons, scrolling.</summary>
public sealed class ContactTimelineTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-US");

    private sealed record World(HttpClient Admin, string Company, string Person, string PersonName, string Salesperson);

    private async Task<World> WorldAsync(string tag)
    {
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var salesperson = Unique.Code("S");
        await admin.PostAsJsonAsync("/api/v1/salespeople", new { code = salesperson, name = "Tilda Timeline" }).SucceededAsync();
        var company = await NoAsync(admin.PostAsJsonAsync("/api/v1/contacts", new { name = $"Timeline {tag} AB" }));
        var personName = $"Pia {tag} Person";
        var person = await NoAsync(admin.PostAsJsonAsync("/api/v1/contacts", new { type = "person", name = personName, companyNo = company }));
        return new World(admin, company, person, personName, salesperson);
    }

    private static async Task<string> NoAsync(Task<HttpResponseMessage> call) =>
        (await (await call.SucceededAsync()).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("no").GetString()!;

    private static Task<HttpResponseMessage> LogAsync(World w, string contactNo, DateOnly date, string description) =>
        w.Admin.PostAsJsonAsync("/api/v1/interactions", new
        {
            contactNo, interactionTemplateCode = "OUTGOING", salespersonCode = w.Salesperson,
            date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), timeOfInteraction = "10:15:00", description,
        }).SucceededAsync();

    private static ILocator Items(IPage page) => page.GetByTestId("contact-timeline").GetByTestId("timeline-item");

    [BrowserFact]
    public async Task The_timeline_shows_interactions_and_notes_in_order_with_their_dates_and_a_new_note_goes_to_the_top()
    {
        var tag = Unique.Code("Tl");
        var w = await WorldAsync(tag);
        var today = DateOnly.FromDateTime(DateTime.Now);
        var callDay = today.AddDays(-40);
        var noteDay = today.AddDays(-3);
        await LogAsync(w, w.Person, callDay, $"Quote call {tag}");
        await w.Admin.PostAsJsonAsync($"/api/v1/contacts/{w.Person}/comments",
            new { comment = $"Prefers mornings {tag}", date = noteDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }).SucceededAsync();

        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/contacts/{w.Person}");
        var items = Items(page);
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.Nth(0)).ToContainTextAsync($"Prefers mornings {tag}");
        await Expect(items.Nth(0).GetByTestId("timeline-item-meta")).ToContainTextAsync(noteDay.ToString("d", English));
        await Expect(items.Nth(1)).ToContainTextAsync($"Quote call {tag}");
        await Expect(items.Nth(1).GetByTestId("timeline-item-meta")).ToContainTextAsync(callDay.ToString("d", English));
        await Expect(items.Nth(1).GetByTestId("timeline-item-meta")).ToContainTextAsync("Tilda Timeline");
        await Expect(items.Nth(1).GetByTestId("timeline-item-title")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("/interactionLogEntries/[0-9]+$"));
        var heading = callDay.ToString("Y", English);
        await Expect(page.GetByTestId("timeline-heading").Filter(new() { HasText = heading })).ToBeVisibleAsync();

        // "+ Note": one screen, Ctrl+Enter saves; the note comes first, under "Today", with the time it was written.
        await page.GetByTestId("timeline-add-note").ClickAsync();
        var text = page.GetByTestId("note-text").Locator("textarea");
        await Expect(text).ToBeFocusedAsync();
        await text.FillAsync($"Call back after the fair {tag}");
        await text.PressAsync("Control+Enter");
        await Expect(page.GetByTestId("note-text")).ToBeHiddenAsync();
        await Expect(items).ToHaveCountAsync(3);
        await Expect(items.Nth(0)).ToContainTextAsync($"Call back after the fair {tag}");
        await Expect(page.GetByTestId("timeline-heading").First).ToHaveTextAsync("Today");
        await Expect(items.Nth(1)).ToContainTextAsync($"Prefers mornings {tag}");

        // Esc cancels and writes nothing.
        await page.GetByTestId("timeline-add-note").ClickAsync();
        await page.GetByTestId("note-text").Locator("textarea").FillAsync("Never saved");
        await page.Keyboard.PressAsync("Escape");
        await Expect(page.GetByTestId("note-text")).ToBeHiddenAsync();
        await Expect(items).ToHaveCountAsync(3);
    }

    [BrowserFact]
    public async Task A_company_timeline_shows_its_persons_interaction_with_the_persons_name_and_filters_by_kind()
    {
        var tag = Unique.Code("Tc");
        var w = await WorldAsync(tag);
        await LogAsync(w, w.Person, DateOnly.FromDateTime(DateTime.Now).AddDays(-2), $"Demo visit {tag}");
        await w.Admin.PostAsJsonAsync($"/api/v1/contacts/{w.Company}/comments", new { comment = $"Head office note {tag}" }).SucceededAsync();

        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/contacts/{w.Company}");
        var items = Items(page);
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.Nth(1)).ToContainTextAsync($"Demo visit {tag}");
        await Expect(items.Nth(1).GetByTestId("timeline-item-meta")).ToContainTextAsync(w.PersonName);

        await page.GetByTestId("timeline-filter-notes").ClickAsync();
        await Expect(items).ToHaveCountAsync(1);
        await Expect(items.Nth(0)).ToContainTextAsync($"Head office note {tag}");
        await page.GetByTestId("timeline-filter-interactions").ClickAsync();
        await Expect(items).ToHaveCountAsync(1);
        await Expect(items.Nth(0)).ToContainTextAsync($"Demo visit {tag}");
    }

    [BrowserFact]
    public async Task Scrolling_to_the_end_loads_older_items_and_Load_more_works_from_the_keyboard()
    {
        var tag = Unique.Code("Ts");
        var w = await WorldAsync(tag);
        var today = DateOnly.FromDateTime(DateTime.Now);
        for (var i = 0; i < 60; i++)
        {
            await LogAsync(w, w.Person, today.AddDays(-1 - i), $"Call {i:D2} {tag}");
        }

        var page = await browser.SignedInPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.OpenAsync($"/contacts/{w.Person}");
        var items = Items(page);
        await Expect(items).ToHaveCountAsync(25);
        await Expect(items.Last).ToContainTextAsync($"Call 24 {tag}");

        await items.Last.ScrollIntoViewIfNeededAsync();
        await Expect(items).ToHaveCountAsync(50);
        await Expect(items.Nth(25)).ToContainTextAsync($"Call 25 {tag}");

        // The button is there for the keyboard: focus it and press Enter without scrolling.
        var more = page.GetByTestId("timeline-load-more");
        await more.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(items).ToHaveCountAsync(60);
        await Expect(items.Last).ToContainTextAsync($"Call 59 {tag}");
        await Expect(more).ToBeHiddenAsync();
    }

    [BrowserFact]
    public async Task At_phone_width_the_timeline_fits_the_screen()
    {
        var tag = Unique.Code("Tp");
        var w = await WorldAsync(tag);
        await LogAsync(w, w.Person, DateOnly.FromDateTime(DateTime.Now).AddDays(-5), $"A rather long description of a meeting about framework agreements {tag}");
        await w.Admin.PostAsJsonAsync($"/api/v1/contacts/{w.Company}/comments", new { comment = new string('w', 300) }).SucceededAsync();

        var page = await browser.NewPageAsync("ru-RU");
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync();
        await page.OpenAsync($"/contacts/{w.Company}");
        var items = Items(page);
        await Expect(items).ToHaveCountAsync(2);
        await items.Nth(1).ScrollIntoViewIfNeededAsync();
        await Expect(items.Nth(1)).ToBeInViewportAsync();
        foreach (var item in await items.AllAsync())
        {
            var box = await item.BoundingBoxAsync();
            Assert.NotNull(box);
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"The item runs off the screen: x {box.X}, width {box.Width}");
        }
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page scrolls sideways.");
        await Expect(page.GetByTestId("timeline-add-note")).ToBeVisibleAsync();
    }
}
