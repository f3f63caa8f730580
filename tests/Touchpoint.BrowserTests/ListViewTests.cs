using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>
/// The interaction log and the contact list as a person uses them: the columns they choose (kept when they come back),
/// a header that sorts, the totals of everything the filters select, and a phone's folded filters and two-line items.
/// </summary>
public sealed class ListViewTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_user_shows_and_hides_log_columns_and_finds_them_so_after_a_reload_then_sorts_by_cost_and_reads_the_totals()
    {
        var (contact, _) = await ContactWithEntriesAsync();
        var page = await browser.SignedInPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.OpenAsync($"/interactionLogEntries?contactNo={contact}");
        var rows = page.GetByTestId("log-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("log-totals")).ToHaveTextAsync("Total: 3 entries · Cost (LCY): 6.00 · Duration (Min.): 60");
        await Expect(rows.GetByTestId("log-cost")).ToHaveCountAsync(0);

        // Cost in, the template out, and cost moved to the left of the title.
        await page.GetByTestId("log-columns").ClickAsync();
        await page.GetByTestId("log-columns-cost").Locator("input").CheckAsync();
        await page.GetByTestId("log-columns-template").Locator("input").UncheckAsync();
        await Expect(page.GetByTestId("log-columns-entryNo").Locator("input")).ToBeDisabledAsync();
        var up = page.GetByTestId("log-columns-cost-up");
        for (var i = 0; i < 7; i++)
        {
            await up.ClickAsync();
        }
        await Expect(up).ToBeFocusedAsync();
        await page.GetByTestId("log-columns-close").ClickAsync();
        await Expect(rows.GetByTestId("log-cost")).ToHaveCountAsync(3);
        await Expect(rows.GetByTestId("log-template")).ToHaveCountAsync(0);
        var headers = page.GetByTestId("log-table").Locator("thead th");
        Assert.Equal(["Entry No.", "Date", "Cost (LCY)"], (await headers.AllInnerTextsAsync()).Skip(1).Take(3).Select(t => t.Trim()));

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(rows.GetByTestId("log-cost")).ToHaveCountAsync(3);
        await Expect(rows.GetByTestId("log-template")).ToHaveCountAsync(0);
        Assert.Equal(["Entry No.", "Date", "Cost (LCY)"], (await headers.AllInnerTextsAsync()).Skip(1).Take(3).Select(t => t.Trim()));

        // Sorted by cost on the server, up and then down; the header says which.
        await page.GetByTestId("log-sort-cost").ClickAsync();
        await Expect(rows.GetByTestId("log-cost")).ToHaveTextAsync(["1.00", "2.00", "3.00"]);
        await Expect(page.GetByTestId("log-table").Locator("thead th[aria-sort=ascending]")).ToHaveTextAsync("Cost (LCY)");
        await page.GetByTestId("log-sort-cost").ClickAsync();
        await Expect(rows.GetByTestId("log-cost")).ToHaveTextAsync(["3.00", "2.00", "1.00"]);
        await Expect(page.GetByTestId("log-table").Locator("thead th[aria-sort=descending]")).ToHaveTextAsync("Cost (LCY)");
        await Expect(page.GetByTestId("log-totals")).ToHaveTextAsync("Total: 3 entries · Cost (LCY): 6.00 · Duration (Min.): 60");

        // Another filter, other totals: the canceled entry alone.
        await page.ChooseAsync("log-canceled-filter", "Yes");
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("log-totals")).ToHaveTextAsync("Total: 1 entry · Cost (LCY): 3.00 · Duration (Min.): 10");

        // Back to the list's own columns.
        await page.GetByTestId("log-columns").ClickAsync();
        await page.GetByTestId("log-columns-reset").ClickAsync();
        await page.GetByTestId("log-columns-close").ClickAsync();
        await Expect(rows.GetByTestId("log-template")).ToHaveCountAsync(1);
        await Expect(rows.GetByTestId("log-cost")).ToHaveCountAsync(0);
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(rows.GetByTestId("log-template").First).ToBeVisibleAsync();
        await Expect(rows.GetByTestId("log-cost")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task A_user_sorts_contacts_by_city_and_hides_a_column_that_stays_hidden()
    {
        var (tag, _) = await ContactsInCitiesAsync();
        var page = await browser.SignedInPageAsync();
        await page.SetViewportSizeAsync(1440, 900);
        await page.OpenAsync($"/contacts?search={tag}");
        var rows = page.GetByTestId("contacts-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("contacts-totals")).ToHaveTextAsync("3 contacts");

        await page.GetByTestId("contacts-sort-city").ClickAsync();
        await Expect(rows.GetByTestId("contacts-city")).ToHaveTextAsync([$"Alby {tag}", $"Boda {tag}", $"Cala {tag}"]);
        await page.GetByTestId("contacts-sort-city").ClickAsync();
        await Expect(rows.GetByTestId("contacts-city")).ToHaveTextAsync([$"Cala {tag}", $"Boda {tag}", $"Alby {tag}"]);

        await page.GetByTestId("contacts-columns").ClickAsync();
        await page.GetByTestId("contacts-columns-email").Locator("input").UncheckAsync();
        await page.GetByTestId("contacts-columns-close").ClickAsync();
        await Expect(page.GetByTestId("contacts-table").Locator("thead")).Not.ToContainTextAsync("Email");
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(rows).ToHaveCountAsync(3);
        await Expect(rows.GetByTestId("contacts-city").First).ToBeVisibleAsync();
        await Expect(rows.GetByTestId("contacts-email")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("contacts-table").Locator("thead")).Not.ToContainTextAsync("Email");
    }

    [BrowserFact]
    public async Task On_a_phone_the_filters_fold_behind_their_button_and_each_entry_or_contact_is_two_lines_that_open_it()
    {
        var (contact, canceled) = await ContactWithEntriesAsync();
        var page = await browser.SignedInPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.OpenAsync($"/interactionLogEntries?contactNo={contact}");

        var toggle = page.GetByTestId("log-filters-toggle");
        await Expect(toggle).ToHaveTextAsync("Filters (1)");
        await Expect(page.GetByTestId("log-search")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("log-contact-filter")).ToBeHiddenAsync();
        await toggle.ClickAsync();
        await Expect(page.GetByTestId("log-contact-filter")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("log-canceled-filter")).ToBeVisibleAsync();
        await toggle.ClickAsync();
        await Expect(page.GetByTestId("log-contact-filter")).ToBeHiddenAsync();

        var items = page.GetByTestId("log-item");
        await Expect(items).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("log-table").Locator("thead")).ToBeHiddenAsync();
        var item = items.Filter(new() { HasText = "Call one" });
        await Expect(item.Locator(".tp-phone-line1")).ToContainTextAsync("Call one");
        await Expect(item.Locator(".tp-phone-line1")).ToContainTextAsync("Canceled");
        await Expect(item.Locator(".tp-phone-line2")).ToContainTextAsync($"List Person · OUTGOING");
        foreach (var box in await Task.WhenAll((await items.AllAsync()).Select(i => i.BoundingBoxAsync())))
        {
            // Two lines, not a card of every column.
            Assert.InRange(box!.Height, 30, 70);
        }
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The log is wider than the phone's screen.");
        await Expect(page.GetByTestId("log-totals")).ToContainTextAsync("Total: 3 entries");
        await item.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/interactionLogEntries/{canceled}$"));

        var (tag, _) = await ContactsInCitiesAsync();
        await page.OpenAsync($"/contacts?search={tag}");
        await Expect(page.GetByTestId("contacts-filters-toggle")).ToHaveTextAsync("Filters");
        await Expect(page.GetByTestId("contacts-city-filter")).ToBeHiddenAsync();
        var contacts = page.GetByTestId("contacts-item");
        await Expect(contacts).ToHaveCountAsync(3);
        var alby = contacts.Filter(new() { HasText = $"Alby {tag}" });
        await Expect(alby.Locator(".tp-phone-line1")).ToContainTextAsync("Company");
        await Expect(alby.Locator(".tp-phone-line2")).ToHaveTextAsync($"Alby {tag} · +46 8 100");
        await alby.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/contacts/CT[0-9]+$"));
    }

    // A person with three calls of 3.00/10, 1.00/30 and 2.00/20; the first is canceled.
    private async Task<(string Contact, long Canceled)> ContactWithEntriesAsync()
    {
        var client = await browser.App.ClientAsync(Roles.Sales);
        var contact = await NewContactAsync(client, new { type = "person", name = "List Person" });
        var first = (await client.LogInteractionAsync(contact, "OUTGOING", "Call one", cost: 3m, duration: 10)).GetProperty("entryNo").GetInt64();
        await client.LogInteractionAsync(contact, "OUTGOING", "Call two", cost: 1m, duration: 30);
        await client.LogInteractionAsync(contact, "OUTGOING", "Call three", cost: 2m, duration: 20);
        await client.PostAsync($"/api/v1/interactionLogEntries/{first}/cancel", null).SucceededAsync();
        return (contact, first);
    }

    private async Task<(string Tag, string[] Nos)> ContactsInCitiesAsync()
    {
        var client = await browser.App.ClientAsync(Roles.Sales);
        var tag = Unique.Code("Ci");
        string[] nos =
        [
            await NewContactAsync(client, new { name = $"Bee {tag}", city = $"Cala {tag}", email = "bee@example.com" }),
            await NewContactAsync(client, new { name = $"Ant {tag}", city = $"Alby {tag}", phoneNo = "+46 8 100", email = "ant@example.com" }),
            await NewContactAsync(client, new { name = $"Cat {tag}", city = $"Boda {tag}" }),
        ];
        return (tag, nos);
    }

    private static async Task<string> NewContactAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/v1/contacts", body).SucceededAsync();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("no").GetString()!;
    }
}
