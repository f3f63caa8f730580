using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>
/// A card as a person uses it every day, at desktop and phone width: the action bar stays at the top while the card
/// scrolls, a contact's interactions are in its timeline (once), and on a phone the card's parts fold so that the
/// timeline is on the first screen.
/// </summary>
public sealed class CardBarTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    public static TheoryData<string, int, int> Screens => new()
    {
        { "contact", 1440, 900 }, { "contact", PhoneWidth, PhoneHeight },
        { "segment", 1440, 900 }, { "segment", PhoneWidth, PhoneHeight },
    };

    [BrowserTheory]
    [MemberData(nameof(Screens))]
    public async Task The_action_bar_stays_in_view_when_the_card_is_scrolled_to_its_end(string card, int width, int height)
    {
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var (path, save) = card == "contact"
            ? ($"/contacts/{await CompanyWithPersonsAsync(admin)}", "contact-save")
            : ($"/segments/{await LongestSegmentAsync(admin)}", "segment-save");
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.SignInAsync();
        await page.OpenAsync(path);
        var bar = page.GetByTestId("card-actions");
        await Expect(page.GetByTestId(save)).ToBeInViewportAsync();
        var before = await bar.BoxAsync();

        await page.EvaluateAsync("() => window.scrollTo(0, document.documentElement.scrollHeight)");
        await page.WaitForFunctionAsync("() => window.scrollY > 0");
        Assert.True(await page.EvaluateAsync<double>("() => window.scrollY") > before.Height, $"The {card} card is too short to scroll at {width} px.");
        var after = await bar.BoxAsync();
        Assert.True(after.Y >= 0 && after.Y + after.Height <= height, $"The action bar left the screen: top {after.Y}, height {after.Height}.");
        await Expect(page.GetByTestId(save)).ToBeInViewportAsync();
        if (Environment.GetEnvironmentVariable("TOUCHPOINT_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"card-bar-{card}-{width}.png") });
        }
        // Below the app bar, not under it.
        var appBar = await page.Locator(".mud-appbar").BoxAsync();
        Assert.True(after.Y >= appBar.Y + appBar.Height - 1, $"The action bar is under the app bar: {after.Y} < {appBar.Y + appBar.Height}.");
        // On a phone the bar is the title and one line of actions, not a wall of buttons.
        Assert.True(after.Height < 120, $"The action bar is {after.Height} px high at {width} px.");

        // Saving from down there: the bar's button answers, and the notification leaves the bar uncovered.
        await page.GetByTestId(save).ClickAsync();
        var notification = page.Locator(".mud-snackbar");
        await Expect(notification).ToBeVisibleAsync();
        var note = await notification.BoxAsync();
        var bar2 = await bar.BoxAsync();
        Assert.True(note.Y >= bar2.Y + bar2.Height || note.Y + note.Height <= bar2.Y, $"The notification covers the action bar ({note.Y} vs {bar2.Y}).");
    }

    [BrowserTheory]
    [InlineData(1440, 900)]
    [InlineData(PhoneWidth, PhoneHeight)]
    public async Task The_contact_card_shows_its_interactions_once_in_the_timeline_and_an_item_opens_the_entry(int width, int height)
    {
        var tag = Unique.Code("Cb");
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var contact = await NewContactAsync(admin, $"Card Bar {tag}");
        var description = $"Asked about delivery times {tag}";
        var entryNo = (await admin.LogInteractionAsync(contact, "OUTGOING", description)).GetProperty("entryNo").GetInt64();
        await admin.LogInteractionAsync(contact, "OUTGOING", $"Second call {tag}");

        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.SignInAsync();
        await page.OpenAsync($"/contacts/{contact}");
        // One list of interactions on the card: the timeline, with the statistics the old part had.
        await Expect(page.GetByTestId("contact-interactions")).ToHaveCountAsync(0);
        await Expect(page.Locator("table").Filter(new() { HasText = description })).ToHaveCountAsync(0);
        var timeline = page.GetByTestId("contact-timeline");
        await Expect(timeline.GetByTestId("timeline-item")).ToHaveCountAsync(2);
        await Expect(page.GetByText(description)).ToHaveCountAsync(1);
        await Expect(timeline.GetByTestId("stat-no-of-interactions").Locator("dd")).ToHaveTextAsync("2");

        var item = timeline.GetByTestId("timeline-item").Filter(new() { HasText = description });
        await item.GetByTestId("timeline-item-title").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/interactionLogEntries/{entryNo}$"));
        await Expect(page.GetByTestId("entry-description")).ToContainTextAsync(description);
    }

    [BrowserFact]
    public async Task On_a_phone_the_contact_cards_parts_are_folded_and_open_with_a_tap_so_the_timeline_is_on_the_first_screen()
    {
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var company = await CompanyWithPersonsAsync(admin);
        var page = await browser.NewPageAsync("sv-SE");
        await page.SetViewportSizeAsync(PhoneWidth, PhoneHeight);
        await page.SignInAsync();
        await page.OpenAsync($"/contacts/{company}");

        foreach (var part in new[] { "contact-general", "contact-communication", "company-persons", "contact-business-relations" })
        {
            await Expect(page.GetByTestId($"{part}-body")).ToBeHiddenAsync();
            await Expect(page.GetByTestId($"{part}-toggle")).ToHaveAttributeAsync("aria-expanded", "false");
        }
        await Expect(page.GetByTestId("contact-timeline")).ToBeInViewportAsync();
        await Expect(page.GetByTestId("timeline-item").First).ToBeInViewportAsync();

        // A tap opens a part, another closes it.
        var toggle = page.GetByTestId("contact-communication-toggle");
        await Expect(toggle).ToHaveTextAsync("Adress och kontakt");
        await toggle.ClickAsync();
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(page.GetByTestId("contact-phone-no")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("contact-general-body")).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await Expect(page.GetByTestId("contact-phone-no")).ToBeHiddenAsync();

        // Create Interaction is in the bar's "more" menu, with the seldom used actions.
        await Expect(page.GetByTestId("contact-create-interaction")).ToBeHiddenAsync();
        await page.GetByTestId("card-more").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByTestId("card-more-create-interaction")).ToBeInViewportAsync();
        await Expect(page.GetByTestId("contact-print-cover-sheet")).ToBeInViewportAsync();
        await Expect(page.GetByTestId("contact-delete")).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The card scrolls sideways.");
    }

    [BrowserFact]
    public async Task On_a_desktop_the_contact_cards_parts_are_open_and_have_no_toggle()
    {
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var company = await CompanyWithPersonsAsync(admin);
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.SignInAsync();
        await page.OpenAsync($"/contacts/{company}");
        foreach (var part in new[] { "contact-general", "contact-communication", "company-persons", "contact-business-relations" })
        {
            await Expect(page.GetByTestId($"{part}-body")).ToBeVisibleAsync();
            await Expect(page.GetByTestId($"{part}-toggle")).ToBeHiddenAsync();
        }
        // The bar is one line; Create Interaction is in it, not in the "more" menu.
        Assert.True((await page.GetByTestId("card-actions").BoxAsync()).Height < 80, "The action bar takes more than one line.");
        await Expect(page.GetByTestId("contact-create-interaction")).ToBeVisibleAsync();
        await page.GetByTestId("card-more").GetByRole(AriaRole.Button).ClickAsync();
        await Expect(page.GetByTestId("contact-delete")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("card-more-create-interaction")).ToBeHiddenAsync();
    }

    private static async Task<string> CompanyWithPersonsAsync(HttpClient admin)
    {
        using var persons = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/contacts?type=person&limit=1"));
        return persons.RootElement.GetProperty("value")[0].GetProperty("companyNo").GetString()!;
    }

    // The demo's segment with the most lines: a card long enough to scroll.
    private static async Task<string> LongestSegmentAsync(HttpClient admin)
    {
        using var segments = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/segments?limit=50"));
        return segments.RootElement.GetProperty("value").EnumerateArray()
            .OrderByDescending(s => s.TryGetProperty("noOfLines", out var lines) && lines.ValueKind == JsonValueKind.Number ? lines.GetInt32() : 0)
            .First().GetProperty("no").GetString()!;
    }

    private static async Task<string> NewContactAsync(HttpClient admin, string name)
    {
        var response = await admin.PostAsJsonAsync("/api/v1/contacts", new { type = "company", name, salespersonCode = "JR" }).SucceededAsync();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("no").GetString()!;
    }
}
