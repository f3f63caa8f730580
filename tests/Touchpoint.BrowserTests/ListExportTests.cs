using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>Each list's Export menu downloads what the list shows, every page of it, as CSV or Excel.</summary>
public sealed class ListExportTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Person = "CT000002";

    [BrowserFact]
    public async Task A_user_filters_the_log_and_exports_it_as_csv_and_the_file_holds_exactly_the_rows_shown()
    {
        var client = await browser.App.ClientAsync(Roles.Sales);
        var marker = Unique.Code("Exp");
        foreach (var n in new[] { 1, 2, 3 })
        {
            await client.LogInteractionAsync(Person, "OUTGOING", $"{marker} call {n}");
        }
        await client.LogInteractionAsync(Person, "OUTGOING", "Not in the export");

        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/interactionLogEntries?contactNo={Person}");
        await page.GetByTestId("log-search").Locator("input").FillAsync(marker);
        var rows = page.GetByTestId("log-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        var shown = (await rows.Locator("td:nth-child(2)").AllInnerTextsAsync()).Select(t => t.Trim()).ToList();

        await page.GetByTestId("log-export").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("log-export-csv").ClickAsync());
        Assert.Equal("interactionLogEntries.csv", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        // entryNo is the first column; the rows come newest first, as the list shows them.
        Assert.StartsWith("entryNo,", lines[0], StringComparison.Ordinal);
        Assert.Equal(shown, lines.Skip(1).Select(l => l[..l.IndexOf(',', StringComparison.Ordinal)]));
        Assert.All(lines.Skip(1), l => Assert.Contains(marker, l, StringComparison.Ordinal));
    }

    public static TheoryData<string, int, int> Layouts => new()
    {
        { "en", 1366, 900 }, { "en", 390, 844 }, { "nl", 1366, 900 }, { "nl", 390, 844 },
    };

    [BrowserTheory]
    [MemberData(nameof(Layouts))]
    public async Task Every_exportable_list_shows_its_export_menu_on_the_screen_in_each_language(string language, int width, int height)
    {
        var client = await browser.App.ClientAsync(Roles.Sales);
        var response = await client.PostAsJsonAsync("/api/v1/campaigns", new { description = "Export layout" }).SucceededAsync();
        var campaign = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("no").GetString()!;
        await client.LogInteractionAsync(Person, "OUTGOING", "Campaign call", campaignNo: campaign);

        var page = await browser.SignedInPageAsync();
        await page.SetViewportSizeAsync(width, height);
        if (language != "en")
        {
            await page.OpenAsync($"/culture/set?culture={language}&redirectUri=%2F");
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        }
        foreach (var (path, testId, name) in new[]
        {
            ("/contacts", "contacts-export", "contacts"), ("/interactionLogEntries", "log-export", "log"),
            ($"/campaigns/{campaign}", "campaign-entries-export", "campaign"), ("/loggedSegments", "logged-export", "logged"),
        })
        {
            await page.OpenAsync(path);
            var button = page.GetByTestId(testId);
            await button.ScrollIntoViewIfNeededAsync();
            var box = await button.BoundingBoxAsync() ?? throw new InvalidOperationException($"{testId} is not shown on {path}.");
            Assert.True(box.X >= 0 && box.X + box.Width <= width, $"{testId} runs off the screen on {path} ({box.X}+{box.Width} > {width}).");
            var folder = Environment.GetEnvironmentVariable("TOUCHPOINT_SCREENSHOTS");
            if (folder is { Length: > 0 })
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"export-{name}-{language}-{width}.png") });
            }
            await button.ClickAsync();
            await Expect(page.GetByTestId($"{testId}-xlsx")).ToBeVisibleAsync();
            if (folder is { Length: > 0 })
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"export-{name}-{language}-{width}-open.png") });
            }
            await page.Keyboard.PressAsync("Escape");
        }
    }
}
