using System.Text.RegularExpressions;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>The Create Interaction wizard, postponed interactions and the interaction log (domain rules 18–33).</summary>
public sealed class InteractionWizardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // A demo person who prefers hard copy: one who prefers e-mail would need templates with an attachment (rules 15, 19).
    private const string Person = "CT000006";

    [BrowserFact]
    public async Task A_user_logs_an_interaction_from_a_contact_card_and_sees_it_in_the_contacts_interactions()
    {
        var description = $"Call about chairs {Unique.Code("Wz")}";
        var page = await browser.SignedInPageAsync();

        await page.StartInteractionFromContactCardAsync(Person);
        // The contact is given: it is shown and cannot be changed.
        await Expect(page.GetByTestId("wizard-contact").Locator("input")).ToHaveValueAsync(new Regex(Person));
        await Expect(page.GetByTestId("wizard-contact").Locator("input")).ToHaveAttributeAsync("readonly", new Regex(".*"));

        // Next without a template: BC's message, still on the first step.
        await page.GetByTestId("wizard-next").ClickAsync();
        await Expect(page.GetByTestId("wizard-template")).ToContainTextAsync("Interaction Template Code is mandatory.");
        await Expect(page.GetByTestId("wizard-step-title")).ToHaveTextAsync("What is the type of interaction?");

        await page.ChooseTemplateAsync("Outgoing phone call");
        // The description defaults to the template's.
        await Expect(page.GetByTestId("wizard-description").Locator("input")).ToHaveValueAsync("Outgoing phone call");
        await page.DescribeInteractionAsync(description);
        await page.FinishWizardAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{Person}$"));
        var timeline = page.GetByTestId("contact-timeline");
        await Expect(timeline).ToContainTextAsync(description);
        await Expect(timeline.GetByTestId("timeline-item").Filter(new() { HasText = description })).ToHaveCountAsync(1);
    }

    [BrowserFact]
    public async Task A_user_finishes_an_interaction_later_and_resumes_it_from_postponed_interactions()
    {
        var description = $"Meeting later {Unique.Code("Wp")}";
        var page = await browser.SignedInPageAsync();

        await page.StartInteractionFromContactCardAsync(Person);
        await page.ChooseTemplateAsync("Meeting at our place");
        await page.DescribeInteractionAsync(description);
        await page.GetByTestId("wizard-cancel").ClickAsync();
        await Expect(page.GetByTestId("wizard-later-question")).ToHaveTextAsync("Do you want to finish this interaction later?");
        await page.GetByTestId("wizard-later-yes").ClickAsync();

        // Postponed: not in the contact's interactions (rule 26), but on Postponed Interactions.
        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{Person}$"));
        await Expect(page.GetByTestId("timeline-items")).ToHaveAttributeAsync("aria-busy", "false");
        await Expect(page.GetByTestId("contact-timeline")).Not.ToContainTextAsync(description);
        await page.OpenAsync("/postponedInteractions");
        var row = page.GetByTestId("postponed-table").Locator("tbody tr").Filter(new() { HasText = description });
        await Expect(row).ToHaveCountAsync(1);
        await row.Locator("input[type=checkbox]").CheckAsync();
        await page.GetByTestId("postponed-resume").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/postponedInteractions/[0-9]+/resume$"));
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("wizard-description").Locator("input")).ToHaveValueAsync(description);
        await page.FinishWizardAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{Person}$"));
        await Expect(page.GetByTestId("timeline-item").Filter(new() { HasText = description })).ToHaveCountAsync(1);
        await page.OpenAsync("/postponedInteractions");
        await Expect(page.GetByTestId("postponed-table")).Not.ToContainTextAsync(description);
    }

    [BrowserFact]
    public async Task A_user_cancels_an_entry_in_the_log_and_deletes_the_canceled_entries()
    {
        var description = $"To be canceled {Unique.Code("Wc")}";
        var page = await browser.SignedInPageAsync();
        await page.StartInteractionFromContactCardAsync(Person);
        await page.LogInWizardAsync("Outgoing phone call", description);
        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{Person}$"));

        var row = await page.SelectInLogAsync(Person, description);
        await Expect(row).ToHaveCountAsync(1);
        await page.GetByTestId("log-cancel").ClickAsync();
        var cancelQuestion = page.DialogWith("as canceled?");
        await Expect(cancelQuestion).ToContainTextAsync(new Regex(@"Do you wish to mark Entry No\. [0-9]+ as canceled\?"));
        await cancelQuestion.AnswerAsync("Yes");
        await Expect(row.GetByTestId("log-canceled").Locator("svg")).ToHaveCountAsync(1);

        await page.GetByTestId("log-delete-canceled").ClickAsync();
        var question = page.GetByTestId("log-delete-question");
        await Expect(question).ToContainTextAsync(new Regex("^([0-9]+ canceled interaction log entries match|1 canceled interaction log entry matches) the filters"));
        var count = Regex.Match(await question.InnerTextAsync(), "^[0-9]+").Value;
        Assert.True(int.Parse(count, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        await page.GetByTestId("log-delete-confirm").ClickAsync();
        await Expect(page.GetByTestId("log-info")).ToContainTextAsync(count == "1" ? "1 Interaction Log Entry has been deleted." : $"{count} Interaction Log Entries have been deleted.");
        await Expect(page.GetByTestId("log-table")).Not.ToContainTextAsync(description);
    }
}
