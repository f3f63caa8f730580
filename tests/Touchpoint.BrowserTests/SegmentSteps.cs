using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>Steps of the segment tests: contacts to put in a segment, and picking a value in a drop-down.</summary>
internal static class SegmentSteps
{
    /// <summary>A company contact in the city given, and with the e-mail address given, through the API; answers its number.</summary>
    public static async Task<string> CreateCompanyAsync(this HttpClient client, string name, string city, string? email = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/contacts", new { type = "company", name, city, email }).SucceededAsync();
        var contact = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        return contact.GetProperty("no").GetString()!;
    }

    /// <summary>
    /// An empty e-mail segment "Autumn news {tag}" of a template whose English Word letter says "Autumn news {tag} for"
    /// and the contact's name; answers its number.
    /// </summary>
    public static async Task<string> CreateMailingSegmentAsync(this HttpClient admin, string tag)
    {
        var template = await admin.CreateTemplateAsync($"Mailing {tag}", "email");
        await admin.PutAsync($"/api/v1/interactionTemplates/{template}/languages/ENU/attachment", new MultipartFormDataContent
        {
            { new ByteArrayContent(Touchpoint.TestKit.WordLetters.WithFields($"Autumn news {tag} for", "ContactName")), "file", "news.docx" },
        }).SucceededAsync();
        var response = await admin.PostAsJsonAsync("/api/v1/segments", new
        {
            description = $"Autumn news {tag}", interactionTemplateCode = template, salespersonCode = "JR", correspondenceTypeDefault = "email",
            ignoreContactCorresType = true,
        }).SucceededAsync();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("no").GetString()!;
    }

    /// <summary>Opens the drop-down inside the element with this test id and picks the item with this text.</summary>
    public static async Task ChooseAsync(this IPage page, string testId, string itemText)
    {
        await page.GetByTestId(testId).Locator(".mud-select").First.ClickAsync();
        var items = page.Locator(".mud-popover-open .mud-list-item");
        await Expect(items.First).ToBeVisibleAsync();
        // The item that reads exactly so ("Contact", not "Contact note"), else the one that contains the text.
        var exact = items.Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^\\s*{System.Text.RegularExpressions.Regex.Escape(itemText)}\\s*$") });
        var item = await exact.CountAsync() > 0 ? exact : items.Filter(new() { HasText = itemText });
        await item.ClickAsync();
        await Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    /// <summary>Types into a template picker and takes its first offer with Enter, as a keyboard user does.</summary>
    public static async Task PickTemplateAsync(this IPage page, string testId, string typed)
    {
        var input = page.GetByTestId(testId).Locator("input").First;
        await input.ClickAsync();
        await input.FillAsync(typed);
        var offers = page.Locator(".mud-popover-open [data-testid^='template-option-']");
        // Enter takes the highlighted offer: wait until the list for the text typed is there and its first is highlighted
        // (the list opened by the click shows every template, with the current one highlighted).
        var highlighted = page.Locator(".mud-popover-open .mud-list-item[aria-selected='true'] [data-testid^='template-option-']");
        await Expect(highlighted).ToContainTextAsync(typed, new() { IgnoreCase = true });
        await input.PressAsync("Enter");
        await Expect(offers).ToHaveCountAsync(0);
    }

    public static ILocator Snackbar(this IPage page, string text) =>
        page.Locator(".mud-snackbar").Filter(new() { HasText = text });
}
