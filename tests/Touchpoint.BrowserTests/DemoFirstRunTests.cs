using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>What a new user sees on the first run: the demo company with a year of interactions, and its templates at work.</summary>
public sealed class DemoFirstRunTests(FirstRunBrowserFixture browser) : IClassFixture<FirstRunBrowserFixture>
{
    // A person at a British company: English (ENG), a language none of the demo's letter templates has.
    private const string BritishPerson = "CT000014";

    [BrowserFact]
    public async Task The_first_run_shows_entries_in_the_log_and_figures_in_the_statistics()
    {
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync("/interactionLogEntries");
        await Expect(page.GetByTestId("log-table").Locator("tbody tr").Nth(9)).ToBeVisibleAsync();

        await page.OpenAsync("/interactions/statistics");
        await Expect(page.GetByTestId("statistics-total-no-of-interactions")).ToHaveTextAsync(new Regex("^[1-9][0-9,]{2,}"));
        await Expect(page.GetByTestId("statistics-group-PHONE")).ToContainTextAsync(new Regex(@"Telephone conversations\s*[1-9]"));
        await Expect(page.GetByTestId("statistics-template-GOLF")).ToContainTextAsync(new Regex(@"LETTER\s*[1-9]"));
    }

    [BrowserFact]
    public async Task A_user_invites_a_contact_to_the_golf_event_with_the_wizard()
    {
        var page = await browser.SignedInPageAsync();
        await page.StartInteractionFromContactCardAsync(BritishPerson);
        await page.ChooseTemplateAsync("Golf Event");
        await page.DescribeInteractionAsync("Invitation to our golf day");
        // No mail server on a first run: the invitation is logged, not sent (rule 21 would refuse sending it).
        await page.FinishWizardAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{BritishPerson}$"));

        // Logged with the letter of the template's default language, the contact's own not being among its languages.
        await page.OpenAsync($"/interactionLogEntries?contactNo={BritishPerson}");
        var row = page.GetByTestId("log-table").Locator("tbody tr").Filter(new() { HasText = "Invitation to our golf day" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.Locator("[data-testid^='log-letter-']")).ToHaveCountAsync(1);
    }
}
