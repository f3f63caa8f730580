using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
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
        Check(await admin.PostAsJsonAsync("/api/v1/interactionGroups", new { code = group, description = "Letters" }));
        Check(await admin.PostAsJsonAsync("/api/v1/interactionTemplates", new
        {
            code = template, interactionGroupCode = group, description = "Letter", languageCodeDefault = "ENU",
        }));
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes($"Dear customer, {description}"));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        Check(await admin.PutAsync($"/api/v1/interactionTemplates/{template}/languages/ENU/attachment",
            new MultipartFormDataContent { { file, "file", "letter.txt" } }));
        var logged = Check(await admin.PostAsJsonAsync("/api/v1/interactions", new
        {
            contactNo = Person, interactionTemplateCode = template, salespersonCode = "JR", description, correspondenceType = "hardCopy",
        }));
        var entry = JsonDocument.Parse(await logged.Content.ReadAsStringAsync()).RootElement;
        Assert.True(entry.GetProperty("hasAttachment").GetBoolean());
        return (admin, entry.GetProperty("entryNo").GetInt64());
    }

    private static HttpResponseMessage Check(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        return response;
    }

    [BrowserFact]
    public async Task A_user_cancels_an_entry_and_answers_yes_to_removing_its_attachment()
    {
        var description = $"Letter to cancel {Unique.Code("Wa")}";
        var (client, entryNo) = await LogWithAttachmentAsync(description);
        var page = await browser.NewPageAsync();
        await page.SignInAsync();
        await page.GotoAsync($"/interactionLogEntries?contactNo={Person}");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("log-search").Locator("input").FillAsync(description);
        var table = page.GetByTestId("log-table");
        var row = table.Locator("tbody tr").Filter(new() { HasText = description });
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        await row.Locator("input[type=checkbox]").CheckAsync();

        await page.GetByTestId("log-cancel").ClickAsync();
        var first = page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "as canceled?" });
        await Expect(first).ToContainTextAsync($"Do you wish to mark Entry No. {entryNo} as canceled?");
        await first.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }).ClickAsync();
        var second = page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "Do you want to remove Attachment?" });
        await Expect(second).ToHaveCountAsync(1);
        await second.GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }).ClickAsync();

        await Expect(row.GetByTestId("log-canceled").Locator("svg")).ToHaveCountAsync(1);
        var entry = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/interactionLogEntries/{entryNo}")).RootElement;
        Assert.True(entry.GetProperty("canceled").GetBoolean());
        Assert.False(entry.GetProperty("hasAttachment").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}/attachment")).StatusCode);
    }

    [BrowserFact]
    public async Task Answering_no_keeps_the_attachment_of_the_canceled_entry()
    {
        var description = $"Letter to keep {Unique.Code("Wk")}";
        var (client, entryNo) = await LogWithAttachmentAsync(description);
        var page = await browser.NewPageAsync();
        await page.SignInAsync();
        await page.GotoAsync($"/interactionLogEntries?contactNo={Person}");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("log-search").Locator("input").FillAsync(description);
        var table = page.GetByTestId("log-table");
        var row = table.Locator("tbody tr").Filter(new() { HasText = description });
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        await row.Locator("input[type=checkbox]").CheckAsync();

        await page.GetByTestId("log-cancel").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "as canceled?" })
            .GetByRole(AriaRole.Button, new() { Name = "Yes", Exact = true }).ClickAsync();
        var second = page.GetByRole(AriaRole.Dialog).Filter(new() { HasText = "Do you want to remove Attachment?" });
        await second.GetByRole(AriaRole.Button, new() { Name = "No", Exact = true }).ClickAsync();

        await Expect(row.GetByTestId("log-canceled").Locator("svg")).ToHaveCountAsync(1);
        var entry = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/interactionLogEntries/{entryNo}")).RootElement;
        Assert.True(entry.GetProperty("canceled").GetBoolean());
        Assert.True(entry.GetProperty("hasAttachment").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}/attachment")).StatusCode);
    }
}
