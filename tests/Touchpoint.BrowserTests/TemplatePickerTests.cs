using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>The template picker finds what is typed: Enter takes the best match, not the first template of the list.</summary>
public sealed class TemplatePickerTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserTheory]
    [InlineData("outgo", "OUTGOING · Outgoing phone call", "Outgoing phone call")]
    [InlineData("INC", "INCOME · Incoming phone call", "Incoming phone call")]
    [InlineData("sheet", "COVERSH · Cover sheet", "Cover sheet")]
    public async Task Typing_part_of_a_code_or_description_and_Enter_picks_that_template(string typed, string shown, string description)
    {
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync("/interactions/new");
        await page.PickTemplateAsync("wizard-template", typed);
        await Expect(page.GetByTestId("wizard-template").Locator("input").First).ToHaveValueAsync(shown);
        await Expect(page.GetByTestId("wizard-description").Locator("input")).ToHaveValueAsync(description);
    }

    [BrowserFact]
    public async Task The_list_is_grouped_by_interaction_group_and_shows_the_correspondence_type_and_the_letter()
    {
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync("/interactions/new");
        var input = page.GetByTestId("wizard-template").Locator("input").First;
        await input.ClickAsync();
        await input.FillAsync("letter");
        var options = page.Locator(".mud-popover-open [data-testid^='template-option-']");
        // "letter" is a word of Business Letter's description: it is offered under its group's heading.
        await Expect(options.First).ToContainTextAsync("BUS · Business Letter");
        await Expect(options.First.GetByTestId("template-group")).ToContainTextAsync("LETTER");
        await Expect(page.GetByTestId("template-option-BUS")).ToContainTextAsync("Hard Copy");
        await Expect(page.GetByTestId("template-option-BUS").Locator("[aria-label='Has a letter']")).ToBeVisibleAsync();

        // Everything, grouped, when the text is cleared.
        await input.FillAsync("");
        await Expect(options.First).ToContainTextAsync("ABSTRACT");
        if (Environment.GetEnvironmentVariable("TOUCHPOINT_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "template-picker.png") });
        }
    }
}
