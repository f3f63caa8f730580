using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>Steps of the segment tests: contacts to put in a segment, and picking a value in a drop-down.</summary>
internal static class SegmentSteps
{
    /// <summary>A company contact in the city given, through the API; answers its number.</summary>
    public static async Task<string> CreateCompanyAsync(this HttpClient client, string name, string city)
    {
        var response = await client.PostAsJsonAsync("/api/v1/contacts", new { type = "company", name, city }).SucceededAsync();
        var contact = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return contact.GetProperty("no").GetString()!;
    }

    /// <summary>Opens the drop-down inside the element with this test id and picks the item with this text.</summary>
    public static async Task ChooseAsync(this IPage page, string testId, string itemText)
    {
        await page.GetByTestId(testId).Locator(".mud-select").First.ClickAsync();
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = itemText });
        await item.ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    public static ILocator Snackbar(this IPage page, string text) =>
        page.Locator(".mud-snackbar").Filter(new() { HasText = text });
}
