using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>
/// Resend (rule 50) from the pages, through a real SMTP server: a logged segment's failed deliveries sent again once
/// the server takes them, and an entry of the log sent again with new merge fields or as a hard copy.
/// </summary>
public sealed class ResendTests(MailBrowserFixture browser) : IClassFixture<MailBrowserFixture>
{
    private static readonly string[] Names = ["Anna", "Bert", "Cleo"];

    private sealed record Mailing(string SegmentNo, long LoggedNo, Dictionary<string, long> Entries, Dictionary<string, string> Addresses);

    /// <summary>An e-mail segment of three people with a Word letter, logged with "Send"; the entries and addresses by first name.</summary>
    private async Task<Mailing> LogMailingAsync(string tag, params string[] refused)
    {
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var segment = await admin.CreateMailingSegmentAsync(tag);
        var addresses = Names.ToDictionary(n => n, n => $"{n.ToLowerInvariant()}.{tag.ToLowerInvariant()}@example.test");
        var contacts = new Dictionary<string, string>();
        foreach (var name in Names)
        {
            contacts[name] = await admin.CreateCompanyAsync($"{name} {tag}", "Leiden", addresses[name]);
            await admin.PostAsJsonAsync($"/api/v1/segments/{segment}/lines", new { contactNo = contacts[name] }).SucceededAsync();
        }
        foreach (var address in refused)
        {
            browser.Smtp.Refuse(addresses[address]);
        }
        var logged = (await JsonAsync(admin.PostAsJsonAsync($"/api/v1/segments/{segment}/log", new { send = true }))).GetProperty("loggedSegmentEntryNo").GetInt64();
        var entries = (await JsonAsync(admin.GetAsync($"/api/v1/interactionLogEntries?loggedSegmentEntryNo={logged}"))).GetProperty("value").EnumerateArray()
            .ToDictionary(e => contacts.Single(c => c.Value == e.GetProperty("contactNo").GetString()).Key, e => e.GetProperty("entryNo").GetInt64());
        foreach (var entryNo in entries.Values)
        {
            await DeliveredAsync(entryNo);
        }
        return new Mailing(segment, logged, entries, addresses);
    }

    private static async Task<JsonElement> JsonAsync(Task<HttpResponseMessage> call) =>
        JsonDocument.Parse(await (await call.SucceededAsync()).Content.ReadAsStringAsync()).RootElement;

    /// <summary>Waits until the entry's delivery is over; answers its delivery status as the API names it.</summary>
    private async Task<string> DeliveredAsync(long entryNo)
    {
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var status = (await JsonAsync(admin.GetAsync($"/api/v1/interactionLogEntries/{entryNo}"))).GetProperty("deliveryStatus").GetString()!;
            if (status != "inProgress")
            {
                return status;
            }
            Assert.True(DateTime.UtcNow < until, $"Entry {entryNo} is still in progress.");
            await Task.Delay(100);
        }
    }

    /// <summary>The messages the server took for this address, waiting until there are <paramref name="count"/>.</summary>
    private async Task<List<MimeKit.MimeMessage>> MessagesToAsync(string address, int count)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            var messages = browser.Smtp.Messages.Where(m => m.To.Mailboxes.Any(b => b.Address == address)).ToList();
            if (messages.Count >= count)
            {
                return messages;
            }
            Assert.True(DateTime.UtcNow < until, $"{messages.Count} of {count} messages to {address} arrived.");
            await Task.Delay(100);
        }
    }

    [BrowserFact]
    public async Task A_failed_delivery_is_sent_again_from_its_logged_segment_once_the_server_takes_it()
    {
        var tag = Unique.Code("Rf");
        var mailing = await LogMailingAsync(tag, refused: "Bert");
        var bert = mailing.Entries["Bert"];
        Assert.Equal("error", await DeliveredAsync(bert));
        var page = await browser.SignedInPageAsync();

        // The log says why it failed.
        await page.OpenAsync($"/interactionLogEntries?loggedSegmentEntryNo={mailing.LoggedNo}");
        await Expect(page.GetByTestId($"log-delivery-{bert}")).ToContainTextAsync("Error");
        await Expect(page.GetByTestId($"log-delivery-{bert}")).ToHaveAttributeAsync("title", new Regex(TestSmtpServer.RefusedReason));

        browser.Smtp.Accept(mailing.Addresses["Bert"]);
        await page.OpenAsync("/loggedSegments");
        await page.GetByTestId("logged-search").Locator("input").FillAsync(mailing.SegmentNo);
        await Expect(page.GetByTestId($"logged-error-{mailing.SegmentNo}")).ToHaveTextAsync("Failed: 1");
        await page.GetByTestId($"logged-resend-{mailing.SegmentNo}").ClickAsync();

        // BC's request page: as the entry was sent, the merge fields kept, and only the failed one.
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog.GetByTestId("resend-what")).ToHaveTextAsync(
            $"Logged segment {mailing.LoggedNo} (Autumn news {tag}): 1 of its 3 entries could not be delivered.");
        await Expect(dialog.GetByTestId("resend-type-sameasentry").Locator("input")).ToBeCheckedAsync();
        await Expect(dialog.GetByTestId("resend-type-email").Locator("input")).ToBeEnabledAsync();
        await Expect(dialog.GetByTestId("resend-email-not-set-up")).ToHaveCountAsync(0);
        await Expect(dialog.GetByTestId("resend-update-merge-fields").Locator("input")).Not.ToBeCheckedAsync();
        await Expect(dialog.GetByTestId("resend-only-failed").Locator("input")).ToBeCheckedAsync();
        await dialog.GetByTestId("resend-ok").ClickAsync();

        await Expect(page.Snackbar("The entry will be delivered again.")).ToBeVisibleAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        var message = Assert.Single(await MessagesToAsync(mailing.Addresses["Bert"], 1));
        Assert.Contains($"Autumn news {tag} for", message.HtmlBody, StringComparison.Ordinal);
        // The row follows the delivery without a reload: all three delivered, nothing left to resend.
        await Expect(page.GetByTestId($"logged-delivered-{mailing.SegmentNo}")).ToHaveTextAsync("Delivered: 3", new() { Timeout = 20_000 });
        await Expect(page.GetByTestId($"logged-error-{mailing.SegmentNo}")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId($"logged-resend-{mailing.SegmentNo}")).ToHaveCountAsync(0);
        Assert.Equal("none", await DeliveredAsync(bert));
        Assert.Single(await MessagesToAsync(mailing.Addresses["Anna"], 1));
    }

    [BrowserFact]
    public async Task Entries_of_the_log_are_sent_again_with_new_merge_fields_or_as_a_hard_copy_and_a_refusal_changes_nothing()
    {
        var tag = Unique.Code("Rl");
        var mailing = await LogMailingAsync(tag);
        var (anna, cleo) = (mailing.Entries["Anna"], mailing.Entries["Cleo"]);
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/interactionLogEntries?loggedSegmentEntryNo={mailing.LoggedNo}");
        var rows = page.GetByTestId("log-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("log-resend")).ToBeDisabledAsync();

        // The selected entry, with "Update Merge Fields": a "Resend: …" entry is logged and mailed.
        await page.GetByTestId($"log-select-{anna}").ClickAsync();
        await page.GetByTestId("log-resend").ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog.GetByTestId("resend-what")).ToHaveTextAsync($"Delivers entry {anna} again.");
        await Expect(dialog.GetByTestId("resend-only-failed")).ToHaveCountAsync(0);
        await dialog.GetByTestId("resend-update-merge-fields").Locator("input").CheckAsync();
        await dialog.GetByTestId("resend-ok").ClickAsync();
        await Expect(page.Snackbar("The entry will be delivered again.")).ToBeVisibleAsync();
        var resent = rows.Filter(new() { HasText = $"Resend: Autumn news {tag}" });
        await Expect(resent).ToHaveCountAsync(1);
        await Expect(rows).ToHaveCountAsync(4);
        Assert.Equal(2, (await MessagesToAsync(mailing.Addresses["Anna"], 2)).Count);
        await Expect(page.GetByTestId($"log-select-{anna}")).Not.ToBeCheckedAsync();

        // Another entry from its row's letter menu, as a hard copy: it waits to be printed.
        await page.GetByTestId($"log-letter-{cleo}").ClickAsync();
        await page.GetByTestId($"log-resend-{cleo}").ClickAsync();
        await dialog.GetByTestId("resend-type-hardcopy").ClickAsync();
        await dialog.GetByTestId("resend-ok").ClickAsync();
        await Expect(page.Snackbar("The entry will be delivered again.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"log-delivery-{cleo}")).ToContainTextAsync("In progress");

        // Cleo's letter is waiting already: nothing to send, said in the dialog, which stays open; nothing changes.
        await page.GetByTestId($"log-letter-{cleo}").ClickAsync();
        await page.GetByTestId($"log-resend-{cleo}").ClickAsync();
        await dialog.GetByTestId("resend-ok").ClickAsync();
        await Expect(dialog.GetByTestId("resend-error")).ToContainTextAsync("There is nothing to send.");
        await dialog.GetByTestId("resend-cancel").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(rows).ToHaveCountAsync(4);
        Assert.Single(await MessagesToAsync(mailing.Addresses["Cleo"], 1));
    }

    [BrowserFact]
    public async Task A_viewer_is_not_offered_resend()
    {
        var tag = Unique.Code("Rv");
        var mailing = await LogMailingAsync(tag, refused: "Cleo");
        await browser.App.ClientAsync(Roles.Viewer);
        var page = await browser.SignedInPageAsync($"{Roles.Viewer}@test.local", TouchpointApp.Password);
        await page.OpenAsync($"/interactionLogEntries?loggedSegmentEntryNo={mailing.LoggedNo}");
        await Expect(page.GetByTestId("log-table").Locator("tbody tr")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("log-resend")).ToHaveCountAsync(0);
        await page.GetByTestId($"log-letter-{mailing.Entries["Anna"]}").ClickAsync();
        await Expect(page.GetByTestId($"log-open-letter-{mailing.Entries["Anna"]}")).ToBeVisibleAsync();
        await Expect(page.GetByTestId($"log-resend-{mailing.Entries["Anna"]}")).ToHaveCountAsync(0);
        await page.OpenAsync("/loggedSegments");
        await page.GetByTestId("logged-search").Locator("input").FillAsync(mailing.SegmentNo);
        await Expect(page.GetByTestId($"logged-error-{mailing.SegmentNo}")).ToHaveTextAsync("Failed: 1");
        await Expect(page.GetByTestId($"logged-resend-{mailing.SegmentNo}")).ToHaveCountAsync(0);
    }
}
