using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>The wizard's step labels say where the user is without looking like something to click, on any screen.</summary>
public sealed class WizardStepTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Contact = "CT000001";

    [BrowserFact]
    public async Task On_a_laptop_the_steps_are_plain_labels_and_the_current_one_is_marked()
    {
        var page = await browser.SignedInPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.StartInteractionFromContactCardAsync(Contact);
        await page.PickTemplateAsync("wizard-template", "Business Letter");
        await page.GetByTestId("wizard-next").ClickAsync();

        var steps = page.GetByTestId("wizard-steps").Locator("li");
        await Expect(steps).ToHaveCountAsync(4);
        await Expect(page.GetByTestId("wizard-step-2")).ToHaveAttributeAsync("aria-current", "step");
        await Expect(page.GetByTestId("wizard-step-2")).ToContainTextAsync("2. ");
        await Expect(page.Locator("[data-testid='wizard-steps'] [aria-current]")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("wizard-step-count")).ToBeHiddenAsync();
        for (var i = 0; i < 4; i++)
        {
            var step = steps.Nth(i);
            Assert.Equal("default", await step.EvaluateAsync<string>("e => getComputedStyle(e).cursor"));
            Assert.Null(await step.GetAttributeAsync("tabindex"));
        }
        // Hovering a label changes nothing about it.
        var first = page.GetByTestId("wizard-step-1");
        var before = await first.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        await first.HoverAsync();
        Assert.Equal(before, await first.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor"));
    }

    [BrowserTheory]
    [InlineData("en", "Step 2 of 4")]
    [InlineData("ru", "Шаг 2 из 4")]
    public async Task On_a_phone_the_wizard_says_which_step_of_how_many_and_fits_the_screen(string language, string text)
    {
        var page = await browser.SignedInPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.OpenAsync($"/culture/set?culture={language}&redirectUri={Uri.EscapeDataString($"/interactions/new?contactNo={Contact}")}");
        await page.WaitForInteractiveAsync();
        await page.PickTemplateAsync("wizard-template", "BUS");
        await page.GetByTestId("wizard-next").ClickAsync();

        await Expect(page.GetByTestId("wizard-step-count")).ToHaveTextAsync(text);
        await Expect(page.GetByTestId("wizard-steps")).ToBeHiddenAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth"));
    }
}
