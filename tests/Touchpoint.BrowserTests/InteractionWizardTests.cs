using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>The Create Interaction wizard, postponed interactions and the interaction log (domain rules 18–33).</summary>
public sealed class InteractionWizardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Person = "CT000002";
    private const string ResultStepTitle = "What is the result of the interaction?";

    [BrowserFact]
    public async Task A_user_logs_an_interaction_from_a_contact_card_and_sees_it_in_the_contacts_interactions()
    {
        var description = $"Call about chairs {Unique.Code("Wz")}";
        var page = await browser.NewPageAsync();
        await page.SignInAsync();

        await StartFromContactCardAsync(page);
        // The contact is given: it is shown and cannot be changed.
        await Expect(page.GetByTestId("wizard-contact").Locator("input")).ToHaveValueAsync(new Regex(Person));
        await Expect(page.GetByTestId("wizard-contact").Locator("input")).ToHaveAttributeAsync("readonly", new Regex(".*"));

        // Next without a template: BC's message, still on the first step.
        await page.GetByTestId("wizard-next").ClickAsync();
        await Expect(page.GetByTestId("wizard-template")).ToContainTextAsync("Interaction Template Code is mandatory.");
        await Expect(page.GetByTestId("wizard-step-title")).ToHaveTextAsync("What is the type of interaction?");

        await ChooseTemplateAsync(page, "Outgoing phone call");
        // The description defaults to the template's.
        await Expect(page.GetByTestId("wizard-description").Locator("input")).ToHaveValueAsync("Outgoing phone call");
        await page.GetByTestId("wizard-description").Locator("input").FillAsync(description);
        await GoToResultStepAsync(page);
        await page.GetByTestId("wizard-finish").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{Person}$"));
        var part = page.GetByTestId("contact-interactions");
        await Expect(part).ToContainTextAsync(description);
        await Expect(part.Locator("tbody tr").Filter(new() { HasText = description })).ToHaveCountAsync(1);
    }

    [BrowserFact]
    public async Task A_user_finishes_an_interaction_later_and_resumes_it_from_postponed_interactions()
    {
        var description = $"Meeting later {Unique.Code("Wp")}";
        var page = await browser.NewPageAsync();
        await page.SignInAsync();

        await StartFromContactCardAsync(page);
        await ChooseTemplateAsync(page, "Meeting at our place");
        await page.GetByTestId("wizard-description").Locator("input").FillAsync(description);
        await page.GetByTestId("wizard-cancel").ClickAsync();
        await Expect(page.GetByTestId("wizard-later-question")).ToHaveTextAsync("Do you want to finish this interaction later?");
        await page.GetByTestId("wizard-later-yes").ClickAsync();

        // Postponed: not in the contact's interactions (rule 26), but on Postponed Interactions.
        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{Person}$"));
        await Expect(page.GetByTestId("contact-interactions-table")).Not.ToContainTextAsync(description);
        await page.GotoAsync("/postponedInteractions");
        await page.WaitForInteractiveAsync();
        var row = page.GetByTestId("postponed-table").Locator("tbody tr").Filter(new() { HasText = description });
        await Expect(row).ToHaveCountAsync(1);
        await row.Locator("input[type=checkbox]").CheckAsync();
        await page.GetByTestId("postponed-resume").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/postponedInteractions/[0-9]+/resume$"));
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("wizard-description").Locator("input")).ToHaveValueAsync(description);
        await GoToResultStepAsync(page);
        await page.GetByTestId("wizard-finish").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{Person}$"));
        await Expect(page.GetByTestId("contact-interactions").Locator("tbody tr").Filter(new() { HasText = description })).ToHaveCountAsync(1);
        await page.GotoAsync("/postponedInteractions");
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("postponed-table")).Not.ToContainTextAsync(description);
    }

    [BrowserFact]
    public async Task A_user_cancels_an_entry_in_the_log_and_deletes_the_canceled_entries()
    {
        var description = $"To be canceled {Unique.Code("Wc")}";
        var page = await browser.NewPageAsync();
        await page.SignInAsync();
        await StartFromContactCardAsync(page);
        await ChooseTemplateAsync(page, "Outgoing phone call");
        await page.GetByTestId("wizard-description").Locator("input").FillAsync(description);
        await GoToResultStepAsync(page);
        await page.GetByTestId("wizard-finish").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{Person}$"));

        await page.GotoAsync($"/interactionLogEntries?contactNo={Person}");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("log-search").Locator("input").FillAsync(description);
        var table = page.GetByTestId("log-table");
        var row = table.Locator("tbody tr").Filter(new() { HasText = description });
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(row).ToHaveCountAsync(1);
        await row.Locator("input[type=checkbox]").CheckAsync();
        await page.GetByTestId("log-cancel").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync(new Regex(@"Do you wish to mark Entry No\. [0-9]+ as canceled\?"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }).ClickAsync();
        await Expect(row.GetByTestId("log-canceled").Locator("svg")).ToHaveCountAsync(1);

        await page.GetByTestId("log-delete-canceled").ClickAsync();
        var question = page.GetByTestId("log-delete-question");
        await Expect(question).ToContainTextAsync(new Regex("^[0-9]+ canceled interaction log entries match the filters"));
        var count = Regex.Match(await question.InnerTextAsync(), "^[0-9]+").Value;
        Assert.True(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        await page.GetByTestId("log-delete-confirm").ClickAsync();
        await Expect(page.GetByTestId("log-info")).ToContainTextAsync($"{count} Interaction Log Entries have been deleted.");
        await Expect(table).Not.ToContainTextAsync(description);
    }

    private static async Task StartFromContactCardAsync(IPage page)
    {
        await page.GotoAsync($"/contacts/{Person}");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("contact-create-interaction").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/interactions/new\\?contactNo={Person}$"));
        await page.WaitForInteractiveAsync();
    }

    private static async Task ChooseTemplateAsync(IPage page, string templateDescription)
    {
        await page.GetByTestId("wizard-template").Locator(".mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = templateDescription }).ClickAsync();
        // The description defaults to the template's (rule 14); typing before it arrives would mix the two.
        await Expect(page.GetByTestId("wizard-description").Locator("input")).ToHaveValueAsync(templateDescription);
    }

    /// <summary>Next through the steps (the content step shows only for templates with a wizard action).</summary>
    private static async Task GoToResultStepAsync(IPage page)
    {
        var title = page.GetByTestId("wizard-step-title");
        for (var i = 0; i < 3 && await title.InnerTextAsync() != ResultStepTitle; i++)
        {
            var before = await title.InnerTextAsync();
            await page.GetByTestId("wizard-next").ClickAsync();
            await Expect(title).Not.ToHaveTextAsync(before);
        }
        await Expect(title).ToHaveTextAsync(ResultStepTitle);
    }
}
