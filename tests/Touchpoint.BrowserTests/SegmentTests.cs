using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>Segments from creating one to logging it (domain rules 37–45), on the demo company.</summary>
public sealed class SegmentTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_user_fills_a_segment_by_city_personalises_a_line_and_logs_it_with_a_follow_up_segment()
    {
        var tag = Unique.Code("Sg");
        var city = $"Segtown {tag}";
        var description = $"Spring letter {tag}";
        var personalDescription = $"Personal call {tag}";
        var client = await browser.App.ClientAsync(Roles.Sales);
        var contacts = new List<string>();
        foreach (var name in new[] { "Alder", "Birch", "Cedar" })
        {
            contacts.Add(await client.CreateCompanyAsync($"{name} Trading {tag}", city));
        }
        var personal = contacts[1];
        var page = await browser.SignedInPageAsync();

        // A new segment with a template (its defaults come with it) and a salesperson.
        await page.GetByTestId("nav-segments").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/segments$"));
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("segment-new").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/segments/new$"));
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("segment-description").Locator("input").FillAsync(description);
        await page.PickTemplateAsync("segment-template", "Business Letter");
        await Expect(page.GetByTestId("segment-unit-cost").Locator("input")).ToHaveValueAsync("8.00");
        await page.ChooseAsync("segment-salesperson", "Jim Olive");
        await page.GetByTestId("segment-save").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/segments/SM[0-9]+$"));
        var segmentNo = page.Url.Split('/').Last();
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("card-title")).ToHaveTextAsync($"{segmentNo} · {description}");

        // Add Contacts by city: the three contacts, each a line inheriting the header.
        await page.GetByTestId("segment-add-contacts").ClickAsync();
        var criteria = page.DialogWith("Add Contacts");
        await criteria.GetByTestId("criteria-city").Locator("input").FillAsync(city);
        // The field takes its value on change: Tab commits it before the click, so the criteria cannot run without it.
        await criteria.GetByTestId("criteria-city").Locator("input").PressAsync("Tab");
        await criteria.GetByTestId("criteria-run").ClickAsync();
        // Adding contacts runs the criteria over the whole contact table: on a machine busy with other tests it can take
        // longer than the usual wait.
        await Expect(page.Snackbar("3 contacts were added to the segment.")).ToBeVisibleAsync(new() { Timeout = 20000 });
        var lines = page.GetByTestId("segment-lines-table").Locator("tbody tr");
        await Expect(lines).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("segment-no-of-lines").Locator("input")).ToHaveValueAsync("3");
        await Expect(lines.GetByTestId("segment-line-template")).ToHaveTextAsync(["BUS", "BUS", "BUS"]);
        await Expect(page.GetByTestId("segment-undo")).ToBeEnabledAsync();

        // Rule 38: a header change that reaches the lines asks first; Yes updates the lines.
        await page.ChooseAsync("segment-salesperson", "Linda Martin");
        await page.GetByTestId("segment-save").ClickAsync();
        var question = page.DialogWith("Do you want to update the segment lines");
        await Expect(question).ToContainTextAsync(
            "You have modified Salesperson Code. Do you want to update the segment lines where the Interaction Template Code is BUS?");
        await question.AnswerAsync("Yes");
        await Expect(lines.GetByTestId("segment-line-salesperson")).ToHaveTextAsync(["LM", "LM", "LM"]);

        // One line personalised: another template and its own description.
        await page.GetByTestId($"segment-line-edit-{personal}").ClickAsync();
        var lineDialog = page.DialogWith("Segment line");
        await page.PickTemplateAsync("segment-line-template-field", "Outgoing phone call");
        await Expect(lineDialog.GetByTestId("segment-line-cost-field").Locator("input")).ToHaveValueAsync("1.00");
        await lineDialog.GetByTestId("segment-line-description-field").Locator("input").FillAsync(personalDescription);
        await lineDialog.GetByTestId("segment-line-save").ClickAsync();
        await Expect(lineDialog).ToHaveCountAsync(0);
        var personalRow = lines.Filter(new() { HasText = personal });
        await Expect(personalRow.GetByTestId("segment-line-template")).ToHaveTextAsync("OUTGOING");
        await Expect(personalRow.GetByTestId("segment-line-description")).ToHaveTextAsync(personalDescription);

        // Log (rule 42): the letters have a correspondence type, so Send Attachments is offered and ticked.
        await page.GetByTestId("segment-log").ClickAsync();
        var log = page.DialogWith("Create Follow-up Segment");
        var send = log.GetByTestId("log-send-attachments").Locator("input");
        await Expect(send).ToBeEnabledAsync();
        await Expect(send).ToBeCheckedAsync();
        await send.UncheckAsync();
        await log.GetByTestId("log-follow-up").Locator("input").CheckAsync();
        await log.GetByTestId("log-ok").ClickAsync();

        // Logged: the follow-up segment opens, with the same contacts.
        await Expect(page.Snackbar($"Segment {segmentNo} has been logged.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("card-title")).ToContainTextAsync($"Follow-up on segment {segmentNo}");
        await Expect(page).ToHaveURLAsync(new Regex("/segments/SM[0-9]+$"));
        var followUpNo = page.Url.Split('/').Last();
        Assert.NotEqual(segmentNo, followUpNo);
        await Expect(lines).ToHaveCountAsync(3);

        // The logged segment and its interactions, the personalised one among them.
        await page.OpenAsync("/loggedSegments");
        await page.GetByTestId("logged-search").Locator("input").FillAsync(segmentNo);
        var interactions = page.GetByTestId($"logged-interactions-{segmentNo}");
        await Expect(interactions).ToHaveTextAsync("3");
        await interactions.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/interactionLogEntries\\?loggedSegmentEntryNo=[0-9]+$"));
        await page.WaitForInteractiveAsync();
        var entries = page.GetByTestId("log-table").Locator("tbody tr");
        await Expect(entries).ToHaveCountAsync(3);
        await Expect(entries.Filter(new() { HasText = personalDescription })).ToContainTextAsync("OUTGOING");
        await Expect(entries.Filter(new() { HasText = description })).ToHaveCountAsync(2);

        // The follow-up segment is in the segment list; the logged one is gone.
        await page.OpenAsync("/segments");
        await page.GetByTestId("segments-search").Locator("input").FillAsync(segmentNo);
        var table = page.GetByTestId("segments-table");
        await Expect(table.Locator("tbody tr").Filter(new() { HasText = followUpNo })).ToContainTextAsync($"Follow-up on segment {segmentNo}");
        await Expect(page.GetByTestId($"segment-no-of-lines-{followUpNo}")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId($"segment-open-{segmentNo}")).ToHaveCountAsync(0);
    }
}
