using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>Contact cover sheets (report 5055, rule 55) printed for a segment, on the demo company (its Cover Sheets template is COVERSH).</summary>
public sealed class CoverSheetTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_user_prints_cover_sheets_for_a_segment_and_finds_one_cover_sheet_entry_per_contact_in_the_log()
    {
        var tag = Unique.Code("Cs");
        var city = $"Sheettown {tag}";
        var client = await browser.App.ClientAsync(Roles.Sales);
        var contacts = new List<string>();
        foreach (var name in new[] { "Aspen", "Beech", "Cherry" })
        {
            contacts.Add(await client.CreateCompanyAsync($"{name} Mills {tag}", city));
        }
        var created = await client.PostAsJsonAsync("/api/v1/segments", new { description = $"Cover sheets {tag}" }).SucceededAsync();
        var segmentNo = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("no").GetString()!;
        await client.PostAsJsonAsync($"/api/v1/segments/{segmentNo}/addContacts", new { filter = new { contactNos = contacts } }).SucceededAsync();

        var page = await browser.SignedInPageAsync();
        // Counts the print dialogs the page asks for, and still lets headless Chromium's own print run (it returns at once).
        await page.AddInitScriptAsync("window.__prints = 0; const print = window.print.bind(window); window.print = () => { window.__prints++; print(); };");
        await page.OpenAsync($"/segments/{segmentNo}");

        // The request page: remarks, a check mark, Log Interaction on by default.
        await page.GetByTestId("segment-print-cover-sheets").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/coverSheets/print\\?segmentNo={segmentNo}$"));
        var request = page.DialogWith("Log Interaction");
        await Expect(request.GetByTestId("cover-sheet-target")).ToContainTextAsync($"the 3 contacts of segment {segmentNo}");
        await Expect(request.GetByTestId("cover-sheet-log-interaction").Locator("input")).ToBeCheckedAsync();
        await request.GetByTestId("cover-sheet-remarks").Locator("textarea").FillAsync("Our new catalogue is enclosed.");
        await request.GetByTestId("cover-sheet-please-call").Locator("input").CheckAsync();
        await request.GetByTestId("cover-sheet-print").ClickAsync();

        // One sheet per contact, in the segment's order, with its address; the print dialog asked for once.
        var sheets = page.GetByTestId("cover-sheet");
        await Expect(sheets).ToHaveCountAsync(3);
        for (var i = 0; i < contacts.Count; i++)
        {
            await Expect(sheets.Nth(i)).ToHaveAttributeAsync("data-contact-no", contacts[i]);
            await Expect(sheets.Nth(i).GetByTestId("cover-sheet-address")).ToContainTextAsync(city);
            await Expect(sheets.Nth(i).GetByTestId("cover-sheet-remarks-text")).ToHaveTextAsync("Our new catalogue is enclosed.");
            await Expect(sheets.Nth(i).Locator("li[data-ticked=true]")).ToContainTextAsync("Please call");
        }
        await Expect(sheets.Nth(0).GetByTestId("cover-sheet-address")).ToContainTextAsync($"Aspen Mills {tag}");
        await Expect(page.GetByTestId("cover-sheets-logged")).ToContainTextAsync("3 interactions logged with interaction template COVERSH.");
        await page.WaitForFunctionAsync("() => window.__prints === 1");
        await page.GetByTestId("cover-sheets-print-again").ClickAsync();
        await page.WaitForFunctionAsync("() => window.__prints === 2");

        // Back on the segment, which printing leaves as it was; each contact has its cover sheet entry in the log.
        await page.GetByTestId("cover-sheets-back").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/segments/{segmentNo}$"));
        foreach (var contact in contacts)
        {
            await page.OpenAsync($"/interactionLogEntries?documentType=coverSheet&contactNo={contact}");
            var rows = page.GetByTestId("log-table").Locator("tbody tr");
            await Expect(rows).ToHaveCountAsync(1);
            await Expect(rows.GetByTestId("log-document")).ToHaveTextAsync("Cover Sheet");
            await Expect(rows).ToContainTextAsync("COVERSH");
        }
    }

    [BrowserFact]
    public async Task A_user_prints_a_contact_s_cover_sheet_without_logging_and_nothing_is_logged()
    {
        var tag = Unique.Code("Cp");
        var client = await browser.App.ClientAsync(Roles.Sales);
        var company = await client.CreateCompanyAsync($"Fir Works {tag}", "Uppsala");
        var created = await client.PostAsJsonAsync("/api/v1/contacts", new { type = "person", name = $"Nils Fir {tag}", companyNo = company }).SucceededAsync();
        var person = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("no").GetString()!;
        var page = await browser.SignedInPageAsync();
        await page.AddInitScriptAsync("window.print = () => {};");
        await page.OpenAsync($"/contacts/{person}");

        await page.ChooseCardActionAsync("contact-print-cover-sheet");
        var request = page.DialogWith("Log Interaction");
        await Expect(request.GetByTestId("cover-sheet-target")).ToContainTextAsync(person);
        await request.GetByTestId("cover-sheet-log-interaction").Locator("input").UncheckAsync();
        await request.GetByTestId("cover-sheet-print").ClickAsync();

        // The person is written under the company's name, as BC's address format does; the city is the company's,
        // which the person took when it was made ("Create as person").
        var address = page.GetByTestId("cover-sheet").GetByTestId("cover-sheet-address").Locator("div");
        await Expect(address).ToHaveTextAsync([$"Fir Works {tag}", $"Nils Fir {tag}", "Uppsala"]);
        await Expect(page.GetByTestId("cover-sheets-logged")).ToHaveTextAsync("No interactions logged: Log Interaction was off.");
        var entries = await client.GetFromJsonAsync<JsonElement>($"/api/v1/interactionLogEntries?documentType=coverSheet&contactNo={person}");
        Assert.Equal(0, entries.GetProperty("value").GetArrayLength());
    }
}
