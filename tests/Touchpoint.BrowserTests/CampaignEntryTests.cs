using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>The campaign card's Campaign Entries: canceling one cancels its interactions (rule 31).</summary>
public sealed class CampaignEntryTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Person = "CT000002";

    [BrowserFact]
    public async Task A_user_cancels_a_campaign_entry_on_the_campaign_card_and_sees_its_interactions_canceled_in_the_log()
    {
        var client = await browser.App.ClientAsync(Roles.Sales);
        var response = await client.PostAsJsonAsync("/api/v1/campaigns", new { description = "Autumn calls" }).SucceededAsync();
        var campaign = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("no").GetString()!;
        var canceled = $"Call to cancel {Unique.Code("Ce")}";
        var kept = $"Call to keep {Unique.Code("Ck")}";
        var entry = (await client.LogInteractionAsync(Person, "OUTGOING", canceled, campaignNo: campaign)).GetProperty("campaignEntryNo").GetInt64();
        var other = (await client.LogInteractionAsync(Person, "OUTGOING", kept, campaignNo: campaign)).GetProperty("campaignEntryNo").GetInt64();

        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/campaigns/{campaign}");
        var entries = page.GetByTestId("campaign-entries-table");
        await Expect(entries.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId($"campaign-entry-interactions-{entry}")).ToHaveTextAsync("1");

        await page.GetByTestId($"campaign-entry-cancel-{entry}").ClickAsync();
        await page.DialogWith($"Do you wish to mark Entry No. {entry} as canceled?").AnswerAsync("Yes");
        await Expect(page.Snackbar($"Campaign entry {entry} was marked as canceled")).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"campaign-entry-canceled-{entry}").Locator("svg")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId($"campaign-entry-canceled-{other}").Locator("svg")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId($"campaign-entry-uncancel-{entry}")).ToBeVisibleAsync();

        await page.GetByTestId($"campaign-entry-interactions-{entry}").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/interactionLogEntries\\?campaignNo={campaign}$"));
        await Expect(page.GetByTestId("log-campaign-filter")).ToContainTextAsync(campaign);
        var log = page.GetByTestId("log-table");
        await Expect(log.Locator("tbody tr")).ToHaveCountAsync(2);
        await Expect(log.Locator("tbody tr").Filter(new() { HasText = canceled }).GetByTestId("log-canceled").Locator("svg")).ToHaveCountAsync(1);
        await Expect(log.Locator("tbody tr").Filter(new() { HasText = kept }).GetByTestId("log-canceled").Locator("svg")).ToHaveCountAsync(0);
    }
}
