using System.Text.Json;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>
/// The pages used every day on a small laptop (1024×768) in each of the four languages: nothing wider than the
/// window, no table that scrolls sideways and hides columns, no button cut off at the edge. With TOUCHPOINT_SCREENSHOTS
/// set to a folder each page is saved there, to be looked at.
/// </summary>
public sealed class LaptopLayoutTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const int Width = 1024;
    private const int Height = 768;

    public static TheoryData<string> Languages => new() { "en-US", "nl-NL", "sv-SE", "ru-RU" };

    [BrowserTheory]
    [MemberData(nameof(Languages))]
    public async Task The_everyday_pages_fit_a_small_laptop(string locale)
    {
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var company = await FirstAsync(admin, "contacts?type=person", "companyNo");
        var pages = new (string Name, string Path)[]
        {
            ("home", "/"),
            ("contact-card", "/contacts/" + company),
            ("contact-list", "/contacts"),
            ("interaction-log", "/interactionLogEntries"),
            ("entry", "/interactionLogEntries/" + await FirstAsync(admin, "interactionLogEntries", "entryNo")),
            ("segment-card", "/segments/" + await FirstAsync(admin, "segments", "no")),
            ("campaign-card", "/campaigns/" + await FirstAsync(admin, "campaigns", "no")),
            ("opportunity-card", "/opportunities/" + await FirstAsync(admin, "opportunities", "no")),
            ("opportunity-list", "/opportunities"),
            ("statistics", "/interactions/statistics"),
            ("template-card", "/setup/interactionTemplates/" + await FirstAsync(admin, "interactionTemplates", "code")),
            ("wizard", "/interactions/new?contactNo=" + company),
        };
        var folder = Environment.GetEnvironmentVariable("TOUCHPOINT_SCREENSHOTS");
        var page = await browser.NewPageAsync(locale);
        await page.SetViewportSizeAsync(Width, Height);
        await page.SignInAsync();
        var problems = new List<string>();
        foreach (var (name, path) in pages)
        {
            await page.OpenAsync(path);
            await Expect(page.Locator("h1, h2, h3, h4, h5, h6").First).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            // The two big lists choose which columns a laptop shows in tests of their own; here they must only fit the window.
            var lists = name is "contact-list" or "interaction-log";
            problems.AddRange((await page.EvaluateAsync<string[]>(Overflows))
                .Where(p => !lists || !p.Contains("scrolls sideways", StringComparison.Ordinal)).Select(p => $"{name}: {p}"));
            if (!string.IsNullOrEmpty(folder))
            {
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"laptop-{locale[..2]}-{name}.png"), FullPage = true });
            }
        }
        Assert.True(problems.Count == 0, $"At {Width}×{Height} in {locale}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    // What does not fit: the page scrolling sideways, a table hiding columns behind its own scrollbar, a button that
    // runs past the window's edge.
    private const string Overflows = """
        () => {
          const problems = [];
          const root = document.documentElement;
          if (root.scrollWidth > window.innerWidth) problems.push(`the page is ${root.scrollWidth} px wide`);
          for (const table of document.querySelectorAll('.mud-table-container')) {
            if (table.scrollWidth > table.clientWidth + 1) {
              const title = table.closest('[data-testid]')?.getAttribute('data-testid') ?? 'a table';
              problems.push(`${title} scrolls sideways (${table.scrollWidth} > ${table.clientWidth})`);
            }
          }
          for (const button of document.querySelectorAll('.mud-button-root')) {
            const box = button.getBoundingClientRect();
            // A table's buttons are behind its own scrollbar, which the check above reports.
            if (box.width === 0 || button.closest('.mud-table-container')) continue;
            if (box.right > window.innerWidth + 1) problems.push(`"${button.innerText.trim()}" runs off the window`);
          }
          return problems;
        }
        """;

    private static async Task<string> FirstAsync(HttpClient admin, string list, string key)
    {
        var separator = list.Contains('?', StringComparison.Ordinal) ? '&' : '?';
        using var page = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/{list}{separator}limit=1"));
        var value = page.RootElement.GetProperty("value")[0].GetProperty(key);
        return Uri.EscapeDataString(value.ValueKind == JsonValueKind.Number ? value.GetRawText() : value.GetString()!);
    }
}
