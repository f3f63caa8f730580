using Microsoft.Playwright;
using Touchpoint.Core.Common;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>
/// The pages the README shows, on the demo company, at desktop and phone size: each must open without a script error
/// and show its heading. With TOUCHPOINT_SCREENSHOTS set to a folder (tools/screenshots.sh sets docs/screenshots), each
/// is saved there as a PNG, so the README's pictures are made from the running app and stay current.
/// </summary>
public sealed class ScreenshotTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int DesktopWidth = 1440;
    private const int DesktopHeight = 900;
    private const int PhoneWidth = 390;
    private const int PhoneHeight = 844;

    [BrowserFact]
    public async Task The_README_pages_open_without_errors_at_desktop_and_phone_size()
    {
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var company = await FirstCompanyWithPersonsAsync(admin);
        var entry = await AnEntryWithCommentsAsync(admin);
        var shots = new (string Name, string Path, string Locale, int Width, int Height, string? ScrollTo)[]
        {
            ("home", "/", "en-US", DesktopWidth, DesktopHeight, null),
            ("contact-card", "/contacts/" + company, "en-US", DesktopWidth, DesktopHeight, null),
            ("contact-timeline", "/contacts/" + company, "en-US", DesktopWidth, DesktopHeight, "contact-timeline"),
            ("interaction-log", "/interactionLogEntries", "en-US", DesktopWidth, DesktopHeight, null),
            ("interaction-log-entry", "/interactionLogEntries/" + entry, "en-US", DesktopWidth, DesktopHeight, null),
            ("statistics-nl", "/interactions/statistics", "nl-NL", DesktopWidth, DesktopHeight, null),
            ("phone-home-ru", "/", "ru-RU", PhoneWidth, PhoneHeight, null),
            ("phone-interaction-log", "/interactionLogEntries", "en-US", PhoneWidth, PhoneHeight, null),
            ("phone-contact-card-sv", "/contacts/" + company, "sv-SE", PhoneWidth, PhoneHeight, null),
        };
        var folder = Environment.GetEnvironmentVariable("TOUCHPOINT_SCREENSHOTS");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        foreach (var shot in shots)
        {
            var page = await browser.NewPageAsync(shot.Locale);
            var errors = new List<string>();
            page.PageError += (_, error) => errors.Add(error);
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    errors.Add(message.Text);
                }
            };
            await page.SetViewportSizeAsync(shot.Width, shot.Height);
            await page.SignInAsync();
            await page.OpenAsync(shot.Path);
            await Expect(page.Locator("h1, h2, h3, h4, h5, h6").First).ToBeVisibleAsync();
            // Lists and fact boxes fill in after the circuit connects: wait until the network is quiet.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (shot.ScrollTo is { } part)
            {
                // The part at the top of the screen, as a user who scrolled down to it sees it.
                await page.GetByTestId(part).EvaluateAsync("e => e.scrollIntoView({ block: 'start' })");
                await page.WaitForTimeoutAsync(300);
            }
            Assert.True(errors.Count == 0, $"{shot.Name} ({shot.Path}): {string.Join("; ", errors)}");
            if (!string.IsNullOrEmpty(folder))
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, shot.Name + ".png") });
            }
            await page.Context.CloseAsync();
        }
    }

    // An entry that shows what its page holds: comments and a letter.
    private static async Task<long> AnEntryWithCommentsAsync(HttpClient admin)
    {
        using var entries = System.Text.Json.JsonDocument.Parse(await admin.GetStringAsync("/api/v1/interactionLogEntries?limit=500"));
        var all = entries.RootElement.GetProperty("value").EnumerateArray().ToList();
        var best = all.FirstOrDefault(e => e.GetProperty("hasComments").GetBoolean() && e.GetProperty("hasAttachment").GetBoolean());
        return (best.ValueKind == System.Text.Json.JsonValueKind.Undefined
            ? all.First(e => e.GetProperty("hasComments").GetBoolean()) : best).GetProperty("entryNo").GetInt64();
    }

    private static async Task<string> FirstCompanyWithPersonsAsync(HttpClient admin)
    {
        using var persons = System.Text.Json.JsonDocument.Parse(await admin.GetStringAsync("/api/v1/contacts?type=person&limit=1"));
        return persons.RootElement.GetProperty("value")[0].GetProperty("companyNo").GetString()!;
    }
}
