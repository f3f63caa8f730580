using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>
/// How delivery shows in the pages (rule 48): the log's Delivery column and filter, the home page's notice of failed
/// deliveries, a logged segment's counts as they move. The entries' states are written into the database as the
/// delivery worker leaves them; no mail server is involved.
/// </summary>
public sealed class DeliveryStatusTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    internal const string LongReason = "550 5.1.1 <anna.alpha@example.test>: Recipient address rejected: User unknown in virtual mailbox table; "
        + "the message was not delivered and will not be tried again";

    /// <summary>A hard-copy segment of four companies, logged with a letter; the entries by company name.</summary>
    internal static async Task<(string SegmentNo, long LoggedNo, Dictionary<string, long> Entries)> LogLettersAsync(BrowserFixture browser, string tag)
    {
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var template = await admin.CreateTemplateAsync($"Letter {tag}", "hardCopy");
        await admin.UploadTextAsync($"/api/v1/interactionTemplates/{template}/languages/ENU/attachment", "letter.txt", "Dear customer");
        var segment = JsonDocument.Parse(await (await admin.PostAsJsonAsync("/api/v1/segments", new
        {
            description = $"Winter letters {tag}", interactionTemplateCode = template, salespersonCode = "JR", ignoreContactCorresType = true,
        }).SucceededAsync()).Content.ReadAsStringAsync()).RootElement.GetProperty("no").GetString()!;
        var contacts = new Dictionary<string, string>();
        foreach (var name in new[] { "Alpha", "Beta", "Gamma", "Delta" })
        {
            contacts[name] = await admin.CreateCompanyAsync($"{name} Trading {tag}", "Utrecht");
            await admin.PostAsJsonAsync($"/api/v1/segments/{segment}/lines", new { contactNo = contacts[name] }).SucceededAsync();
        }
        var logged = JsonDocument.Parse(await (await admin.PostAsJsonAsync($"/api/v1/segments/{segment}/log", new { }).SucceededAsync())
            .Content.ReadAsStringAsync()).RootElement.GetProperty("loggedSegmentEntryNo").GetInt64();
        var entries = JsonDocument.Parse(await admin.GetStringAsync($"/api/v1/interactionLogEntries?loggedSegmentEntryNo={logged}")).RootElement
            .GetProperty("value").EnumerateArray()
            .ToDictionary(e => contacts.Single(c => c.Value == e.GetProperty("contactNo").GetString()).Key, e => e.GetProperty("entryNo").GetInt64());
        return (segment, logged, entries);
    }

    [BrowserFact]
    public async Task A_user_sees_failed_deliveries_on_the_home_page_reads_why_in_the_log_and_watches_a_logged_segment_finish()
    {
        var tag = Unique.Code("Dv");
        var (segment, logged, entries) = await LogLettersAsync(browser, tag);
        var page = await browser.SignedInPageAsync();
        // Nothing failed yet: the home page's cue counts none.
        await Expect(page.GetByTestId("cue-deliveriesInError-count")).ToHaveTextAsync("0");
        await Expect(page.GetByTestId("cue-deliveriesInError")).Not.ToHaveClassAsync(new Regex("tp-cue-alert"));

        var sentAt = new DateTimeOffset(2026, 11, 30, 9, 15, 0, TimeSpan.Zero);
        await browser.App.MarkDeliveryAsync(entries["Alpha"], DeliveryStatus.Error, error: LongReason);
        await browser.App.MarkDeliveryAsync(entries["Beta"], DeliveryStatus.InProgress);
        await browser.App.MarkDeliveryAsync(entries["Gamma"], DeliveryStatus.None, sentAt);

        await page.OpenAsync("/");
        await Expect(page.GetByTestId("cue-deliveriesInError-count")).ToHaveTextAsync("1");
        await Expect(page.GetByTestId("cue-deliveriesInError")).ToHaveClassAsync(new Regex("tp-cue-alert"));
        await page.GetByTestId("cue-deliveriesInError").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/interactionLogEntries\\?deliveryStatus=error$"));
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("log-delivery-filter").GetByRole(Microsoft.Playwright.AriaRole.Combobox)).ToHaveAccessibleNameAsync("Delivery");
        await Expect(page.GetByTestId("log-delivery-filter").Locator("input").First).ToHaveValueAsync("Error");
        var rows = page.GetByTestId("log-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        var failed = page.GetByTestId($"log-delivery-{entries["Alpha"]}");
        await Expect(failed).ToContainTextAsync("Error");
        await Expect(failed).ToHaveAttributeAsync("title", LongReason);
        // The reason is cut to one line; pressed, it shows in full (a phone has no tooltip).
        var reason = failed.GetByTestId("log-delivery-reason");
        Assert.True(await reason.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth"), "The long reason should be cut to one line.");
        await failed.ClickAsync();
        await Expect(failed).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.True(await reason.EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"), "The pressed reason should show in full.");

        // The letter opens from the row: a PDF in a new tab, or the Word file.
        await page.GetByTestId($"log-letter-{entries["Alpha"]}").ClickAsync();
        var open = page.GetByTestId($"log-open-letter-{entries["Alpha"]}");
        await Expect(open).ToHaveAttributeAsync("href", $"/files/interactionLogEntries/{entries["Alpha"]}/document?format=pdf");
        await Expect(open).ToHaveAttributeAsync("target", "_blank");
        await Expect(page.GetByTestId($"log-letter-docx-{entries["Alpha"]}")).ToHaveAttributeAsync("href", $"/files/interactionLogEntries/{entries["Alpha"]}/document?format=docx");
        await page.Keyboard.PressAsync("Escape");

        await page.ChooseAsync("log-delivery-filter", "Delivered");
        await Expect(rows.Filter(new() { HasText = tag })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId($"log-delivery-{entries["Gamma"]}")).ToHaveTextAsync(
            $"Delivered {TimeZoneInfo.ConvertTime(sentAt, TimeZoneInfo.Local).ToString("g", System.Globalization.CultureInfo.GetCultureInfo("en-US"))}");
        await page.ChooseAsync("log-delivery-filter", "In progress");
        await Expect(rows.Filter(new() { HasText = tag })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId($"log-delivery-{entries["Beta"]}")).ToHaveTextAsync("In progress");
        // An entry never sent says nothing about delivery.
        await page.OpenAsync($"/interactionLogEntries?loggedSegmentEntryNo={logged}");
        await Expect(rows).ToHaveCountAsync(4);
        await Expect(page.GetByTestId($"log-delivery-{entries["Gamma"]}")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId($"log-delivery-{entries["Delta"]}")).ToHaveCountAsync(0);

        // The logged segment counts each state and links to those entries; it has letters to print.
        await page.OpenAsync("/loggedSegments");
        await page.GetByTestId("logged-search").Locator("input").FillAsync(segment);
        await Expect(page.GetByTestId($"logged-delivered-{segment}")).ToHaveTextAsync("Delivered: 1");
        await Expect(page.GetByTestId($"logged-inProgress-{segment}")).ToHaveTextAsync("In progress: 1");
        await Expect(page.GetByTestId($"logged-error-{segment}")).ToHaveTextAsync("Failed: 1");
        await Expect(page.GetByTestId($"logged-print-{segment}")).ToHaveAttributeAsync("href", $"/files/loggedSegments/{logged}/document");
        await Expect(page.GetByTestId($"logged-print-{segment}")).ToHaveAttributeAsync("target", "_blank");

        // The letter in progress goes out: the row follows without a reload.
        await browser.App.MarkDeliveryAsync(entries["Beta"], DeliveryStatus.None, sentAt);
        await Expect(page.GetByTestId($"logged-delivered-{segment}")).ToHaveTextAsync("Delivered: 2", new() { Timeout = 10_000 });
        await Expect(page.GetByTestId($"logged-inProgress-{segment}")).ToHaveCountAsync(0);

        await page.GetByTestId($"logged-error-{segment}").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/interactionLogEntries\\?loggedSegmentEntryNo={logged}&deliveryStatus=error$"));
        await page.WaitForInteractiveAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows).ToContainTextAsync($"Alpha Trading {tag}");
    }

    [BrowserFact]
    public async Task Without_e_mail_set_up_the_resend_dialog_says_so_before_trying_and_a_hard_copy_goes()
    {
        var tag = Unique.Code("Rn");
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var segment = await admin.CreateMailingSegmentAsync(tag);
        var contact = await admin.CreateCompanyAsync($"Mail Reader {tag}", "Delft", $"reader.{tag.ToLowerInvariant()}@example.test");
        await admin.PostAsJsonAsync($"/api/v1/segments/{segment}/lines", new { contactNo = contact }).SucceededAsync();
        // Logged without sending: the entry is an e-mail that never went.
        var logged = JsonDocument.Parse(await (await admin.PostAsJsonAsync($"/api/v1/segments/{segment}/log", new { send = false }).SucceededAsync())
            .Content.ReadAsStringAsync()).RootElement.GetProperty("loggedSegmentEntryNo").GetInt64();
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/interactionLogEntries?loggedSegmentEntryNo={logged}");
        var rows = page.GetByTestId("log-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        await page.GetByTestId("log-select-all").ClickAsync();
        await page.GetByTestId("log-resend").ClickAsync();

        // Rule 21: E-mail cannot be chosen, and "Same as Entry" would be an e-mail.
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog.GetByTestId("resend-type-email").Locator("input")).ToBeDisabledAsync();
        await Expect(dialog.GetByTestId("resend-email-not-set-up")).ToContainTextAsync("E-mail is not set up");
        await Expect(dialog.GetByTestId("resend-same-as-email")).ToBeVisibleAsync();
        await dialog.GetByTestId("resend-ok").ClickAsync();
        await Expect(dialog.GetByTestId("resend-error")).ToContainTextAsync("E-mail is not set up");
        await Expect(rows.First.GetByTestId("log-delivery")).Not.ToContainTextAsync("In progress");

        await dialog.GetByTestId("resend-type-hardcopy").ClickAsync();
        await Expect(dialog.GetByTestId("resend-same-as-email")).ToHaveCountAsync(0);
        await dialog.GetByTestId("resend-ok").ClickAsync();
        await Expect(page.Snackbar("The entry will be delivered again.")).ToBeVisibleAsync();
        await Expect(rows.First.GetByTestId("log-delivery")).ToContainTextAsync("In progress");
    }
}
