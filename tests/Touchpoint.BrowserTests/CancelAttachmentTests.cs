using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>Rule 29's second question in the interaction log: canceling an entry may remove its unique attachment.</summary>
public sealed class CancelAttachmentTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Person = "CT000002";

    /// <summary>An entry with an attachment of its own: a template of this test's with a file, logged through the API.</summary>
    private async Task<(HttpClient Client, long EntryNo)> LogWithAttachmentAsync(string description)
    {
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var group = Unique.Code("G")[..8];
        var template = Unique.Code("T")[..9];
        await admin.PostAsJsonAsync("/api/v1/interactionGroups", new { code = group, description = "Letters" }).SucceededAsync();
        await admin.PostAsJsonAsync("/api/v1/interactionTemplates", new
        {
            code = template, interactionGroupCode = group, description = "Letter", languageCodeDefault = "ENU",
        }).SucceededAsync();
        await admin.UploadTextAsync($"/api/v1/interactionTemplates/{template}/languages/ENU/attachment", "letter.txt", $"Dear customer, {description}");
        var entry = await admin.LogInteractionAsync(Person, template, description);
        Assert.True(entry.GetProperty("hasAttachment").GetBoolean());
        return (admin, entry.GetProperty("entryNo").GetInt64());
    }

    private static async Task<JsonElement> EntryAsync(HttpClient client, long entryNo) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/v1/interactionLogEntries/{entryNo}")).RootElement;

    [BrowserFact]
    public async Task A_user_cancels_an_entry_and_answers_yes_to_removing_its_attachment()
    {
        var description = $"Letter to cancel {Unique.Code("Wa")}";
        var (client, entryNo) = await LogWithAttachmentAsync(description);
        var page = await browser.SignedInPageAsync();
        var row = await page.SelectInLogAsync(Person, description);

        await page.GetByTestId("log-cancel").ClickAsync();
        var first = page.DialogWith("as canceled?");
        await Expect(first).ToContainTextAsync($"Do you wish to mark Entry No. {entryNo} as canceled?");
        await first.AnswerAsync("Yes");
        var second = page.DialogWith("Do you want to remove Attachment?");
        await Expect(second).ToHaveCountAsync(1);
        await second.AnswerAsync("Yes");

        await Expect(row.GetByTestId("log-canceled").Locator("svg")).ToHaveCountAsync(1);
        var entry = await EntryAsync(client, entryNo);
        Assert.True(entry.GetProperty("canceled").GetBoolean());
        Assert.False(entry.GetProperty("hasAttachment").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}/attachment")).StatusCode);
    }

    [BrowserFact]
    public async Task Answering_no_keeps_the_attachment_of_the_canceled_entry()
    {
        var description = $"Letter to keep {Unique.Code("Wk")}";
        var (client, entryNo) = await LogWithAttachmentAsync(description);
        var page = await browser.SignedInPageAsync();
        var row = await page.SelectInLogAsync(Person, description);

        await page.GetByTestId("log-cancel").ClickAsync();
        await page.DialogWith("as canceled?").AnswerAsync("Yes");
        await page.DialogWith("Do you want to remove Attachment?").AnswerAsync("No");

        await Expect(row.GetByTestId("log-canceled").Locator("svg")).ToHaveCountAsync(1);
        var entry = await EntryAsync(client, entryNo);
        Assert.True(entry.GetProperty("canceled").GetBoolean());
        Assert.True(entry.GetProperty("hasAttachment").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}/attachment")).StatusCode);
    }
}
