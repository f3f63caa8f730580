using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>Cards keep the user's work: a question before unsaved edits are lost, and Ctrl+S, Alt+N, Esc.</summary>
public sealed class CardKeyboardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task Leaving_a_card_with_unsaved_changes_asks_first_and_Stay_keeps_what_was_typed()
    {
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync("/campaigns/new");
        var description = page.GetByTestId("campaign-description").Locator("input");
        await description.FillAsync("Spring fair");

        // The menu's link: the question comes, Stay keeps the card as it was.
        await page.GetByTestId("nav-contacts").ClickAsync();
        var dialog = page.Locator(".mud-dialog").Filter(new() { HasText = "Unsaved changes" });
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Stay" }).ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Regex("/campaigns/new$"));
        await Expect(description).ToHaveValueAsync("Spring fair");

        // Esc is the card's Back: the same question; leaving goes to the list without saving.
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Leave without saving" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/campaigns$"));
        await Expect(page.GetByTestId("campaigns-table")).Not.ToContainTextAsync("Spring fair");
    }

    [BrowserFact]
    public async Task Ctrl_S_saves_the_card_with_the_field_still_being_typed_in_and_then_leaving_asks_nothing()
    {
        var description = $"Autumn fair {Unique.Code("Ks")}";
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync("/campaigns");
        // Alt+N: the list's New.
        await page.Keyboard.PressAsync("Alt+n");
        await Expect(page).ToHaveURLAsync(new Regex("/campaigns/new$"));
        await page.WaitForInteractiveAsync();
        var field = page.GetByTestId("campaign-description").Locator("input");
        await field.FillAsync(description);
        // Still in the field: Ctrl+S takes what was typed.
        await page.Keyboard.PressAsync("Control+s");
        await Expect(page).ToHaveURLAsync(new Regex("/campaigns/CP[0-9]+$"));
        await Expect(page.GetByTestId("card-title")).ToContainTextAsync(description);

        await page.Keyboard.PressAsync("Escape");
        await Expect(page).ToHaveURLAsync(new Regex("/campaigns$"));
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task An_unchanged_card_is_left_without_a_question()
    {
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync("/salespeople");
        await page.GetByTestId("salespeople-table").Locator("tbody tr").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/salespeople/.+"));
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("nav-contacts").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/contacts$"));
        await Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
    }
}
