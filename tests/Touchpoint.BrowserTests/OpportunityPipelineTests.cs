using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>Rule 68: the opportunity card's pipeline, its opportunity entries and the interactions that name it.</summary>
public sealed class OpportunityPipelineTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // A demo person who prefers hard copy, so that a call needs no letter (rules 15, 19).
    private const string Person = "CT000006";

    [BrowserFact]
    public async Task A_user_moves_an_opportunity_to_a_stage_and_sees_its_chances_history_and_interactions()
    {
        var description = $"Desks {Unique.Code("Op")}";
        var (no, entryNo) = await OpportunityWithACallAsync(description);
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/opportunities/{no}");
        await Expect(page.GetByTestId("opportunity-status-chip")).ToHaveTextAsync("Not Started");

        await page.ChooseAsync("opportunity-stage", "Proposal sent");
        await Expect(page.GetByTestId("opportunity-chances").Locator("input")).ToHaveValueAsync("50");
        await page.GetByTestId("opportunity-estimated-value").Locator("input").FillAsync("20000");
        await page.GetByTestId("opportunity-estimated-value").Locator("input").PressAsync("Tab");
        await Expect(page.GetByTestId("opportunity-current-value").Locator("input")).ToHaveValueAsync("10,000.00");
        await page.GetByTestId("opportunity-save").ClickAsync();

        await Expect(page.GetByTestId("opportunity-status-chip")).ToHaveTextAsync("In Progress");
        var history = page.GetByTestId("opportunity-entries-table").Locator("tbody tr");
        await Expect(history).ToHaveCountAsync(2);
        await Expect(history.First).ToContainTextAsync("3. Proposal sent");
        await Expect(history.First).ToContainTextAsync("20,000.00");
        await Expect(history.Nth(1)).ToContainTextAsync("Not Started");

        var interactions = page.GetByTestId("opportunity-interactions-table").Locator("tbody tr");
        await Expect(interactions).ToHaveCountAsync(1);
        await Expect(interactions.First).ToContainTextAsync(description);
        await Expect(interactions.First.GetByRole(AriaRole.Link, new() { Name = entryNo.ToString(System.Globalization.CultureInfo.InvariantCulture) }))
            .ToHaveAttributeAsync("href", $"/interactionLogEntries/{entryNo}");

        // Won closes it: the list shows it among the won ones, not among the open ones.
        await page.ChooseAsync("opportunity-status", "Won");
        await page.GetByTestId("opportunity-save").ClickAsync();
        await Expect(page.GetByTestId("opportunity-status-chip")).ToHaveTextAsync("Won");
        await Expect(page.GetByTestId("opportunity-date-closed").Locator("input")).Not.ToHaveValueAsync("");
        await page.OpenAsync("/opportunities");
        await page.ChooseAsync("opportunities-status-filter", "Won");
        await Expect(page.GetByTestId("opportunities-table").Locator("tbody tr").Filter(new() { HasText = no })).ToHaveCountAsync(1);
    }

    [BrowserFact]
    public async Task At_phone_width_in_Russian_the_pipeline_is_readable()
    {
        var (no, _) = await OpportunityWithACallAsync($"Стулья {Unique.Code("Or")}");
        var page = await browser.NewPageAsync("ru-RU");
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync();
        await page.OpenAsync($"/opportunities/{no}");
        await Expect(page.GetByTestId("opportunity-pipeline")).ToContainTextAsync("Воронка продаж");
        await Expect(page.GetByTestId("opportunity-status-chip")).ToHaveTextAsync("Не начата");
        // Nothing wider than the screen: the page does not scroll sideways.
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow);
    }

    private async Task<(string No, long EntryNo)> OpportunityWithACallAsync(string description)
    {
        var client = await browser.App.ClientAsync(Roles.Admin);
        var salespersonCode = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/contacts/{Person}")).RootElement.GetProperty("salespersonCode").GetString();
        var created = await client.PostAsJsonAsync("/api/v1/opportunities", new { description, contactNo = Person, salespersonCode });
        created.EnsureSuccessStatusCode();
        var no = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("no").GetString()!;
        var logged = await client.PostAsJsonAsync("/api/v1/interactions", new
        {
            contactNo = Person, interactionTemplateCode = "OUTGOING", description, opportunityNo = no, salespersonCode,
        });
        Assert.True(logged.IsSuccessStatusCode, await logged.Content.ReadAsStringAsync());
        var entryNo = JsonDocument.Parse(await logged.Content.ReadAsStringAsync()).RootElement.GetProperty("entryNo").GetInt64();
        return (no, entryNo);
    }
}
