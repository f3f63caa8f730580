using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>The global search (Ctrl+K, Alt+Q, the app bar's button): records and pages, by keyboard and by touch.</summary>
public sealed class GlobalSearchTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static ILocator Input(IPage page) => page.GetByTestId("search-input");

    [BrowserFact]
    public async Task Ctrl_K_opens_the_search_and_typing_a_contacts_name_then_Enter_opens_its_card()
    {
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var name = $"Quintessa {Unique.Code("")}";
        var no = await admin.CreateCompanyAsync(name, "Visby");
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync("/contacts");

        await page.Keyboard.PressAsync("Control+k");
        await Expect(Input(page)).ToBeFocusedAsync();
        await Input(page).PressSequentiallyAsync(name);
        await Input(page).PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{no}$"));
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("search-input")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task Alt_Q_opens_the_search_the_results_are_grouped_the_arrows_move_and_Escape_closes()
    {
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var word = $"Xylo{Unique.Code("")}";
        var contact = await admin.CreateCompanyAsync($"{word} AB", "Kiruna");
        var campaign = (await (await admin.PostAsJsonAsync("/api/v1/campaigns", new { description = $"{word} fair" }).SucceededAsync())
            .Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("no").GetString();
        var page = await browser.SignedInPageAsync();

        await page.Keyboard.PressAsync("Alt+q");
        await Input(page).FillAsync(word);
        await Expect(page.GetByTestId("search-group-contacts")).ToContainTextAsync($"{word} AB");
        await Expect(page.GetByTestId("search-group-campaigns")).ToContainTextAsync($"{word} fair");
        var items = page.GetByTestId("search-item");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.First).ToHaveAttributeAsync("aria-selected", "true");
        await Input(page).PressAsync("ArrowDown");
        await Expect(items.Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(items.First).ToHaveAttributeAsync("aria-selected", "false");
        await Input(page).PressAsync("Escape");
        await Expect(page.GetByTestId("search-input")).ToHaveCountAsync(0);

        // Opened again, Enter on the second result opens the campaign.
        await page.Keyboard.PressAsync("Control+k");
        await Input(page).FillAsync(word);
        await Expect(items).ToHaveCountAsync(2);
        await Input(page).PressAsync("ArrowDown");
        await Input(page).PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"/campaigns/{campaign}$"));
        Assert.NotNull(contact);
    }

    [BrowserFact]
    public async Task A_page_name_in_Dutch_finds_the_page()
    {
        var page = await browser.NewPageAsync("nl-NL");
        await page.SignInAsync();
        await page.GetByTestId("search-open").ClickAsync();
        await Input(page).FillAsync("interactielog");
        var pages = page.GetByTestId("search-group-pages");
        await Expect(pages).ToContainTextAsync("Pagina's");
        await Expect(pages).ToContainTextAsync("Interactielogposten");
        await Input(page).PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/interactionLogEntries$"));
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("list-title")).ToHaveTextAsync("Interactielogposten");
    }

    [BrowserFact]
    public async Task Every_page_of_the_navigation_menu_can_be_found()
    {
        var page = await browser.SignedInPageAsync();
        var hrefs = await page.Locator(".mud-navmenu a[href]").EvaluateAllAsync<string[]>(
            "links => links.map(a => new URL(a.href).pathname)");
        Assert.NotEmpty(hrefs);
        Assert.All(hrefs, href => Assert.Contains(href, Touchpoint.Web.Common.AppPages.Hrefs));
    }

    [BrowserFact]
    public async Task On_a_phone_the_account_menu_reaches_every_account_action_and_search_works()
    {
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var name = $"Phonesearch {Unique.Code("")}";
        var no = await admin.CreateCompanyAsync(name, "Umeå");
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync();

        await page.GetByTestId("user-menu").ClickAsync();
        foreach (var id in new[] { "menu-user-name", "menu-my-account", "language-en", "language-nl", "language-sv", "language-ru", "menu-api-reference", "sign-out" })
        {
            var item = page.GetByTestId(id);
            await Expect(item).ToBeVisibleAsync();
            var box = await item.BoundingBoxAsync();
            Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= 390 && box.Y + box.Height <= 844, $"{id} is not on the screen: {box?.X},{box?.Y} {box?.Width}×{box?.Height}");
        }
        await Expect(page.GetByTestId("menu-user-name")).ToHaveTextAsync(TouchpointApp.AdminEmail);
        await page.Keyboard.PressAsync("Escape");

        await page.GetByTestId("search-open").ClickAsync();
        await Input(page).FillAsync(name);
        await page.GetByTestId("search-item").Filter(new() { HasText = name }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{no}$"));
        await page.WaitForInteractiveAsync();

        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("sign-out").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
    }
}
