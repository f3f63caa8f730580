using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>A segment line's letter (rules 13–15, 40, 65): personalised with another template and language, logged, opened from the log.</summary>
public sealed class SegmentLetterTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_user_moves_a_line_to_another_template_and_language_logs_the_segment_and_opens_the_entrys_letter()
    {
        var tag = Unique.Code("Sl");
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var group = Unique.Code("G")[..8];
        var letter = Unique.Code("T")[..9];
        var offer = Unique.Code("T")[..9];
        var offerDescription = $"Printed offer {tag}";
        await admin.PostAsJsonAsync("/api/v1/interactionGroups", new { code = group, description = "Letters" }).SucceededAsync();
        await admin.PostAsJsonAsync("/api/v1/interactionTemplates", new
        {
            code = letter, interactionGroupCode = group, description = $"Letter {tag}", languageCodeDefault = "ENU", correspondenceTypeDefault = "hardCopy",
        }).SucceededAsync();
        await admin.PostAsJsonAsync("/api/v1/interactionTemplates", new
        {
            code = offer, interactionGroupCode = group, description = offerDescription, languageCodeDefault = "ENU", correspondenceTypeDefault = "hardCopy",
            unitCostLcy = 4,
        }).SucceededAsync();
        await admin.PostAsJsonAsync($"/api/v1/interactionTemplates/{offer}/languages", new { languageCode = "NLD", description = "Aanbod" }).SucceededAsync();
        await admin.UploadTextAsync($"/api/v1/interactionTemplates/{letter}/languages/ENU/attachment", "letter.txt", "Dear customer");
        await admin.UploadTextAsync($"/api/v1/interactionTemplates/{offer}/languages/ENU/attachment", "offer.txt", "Our offer");
        await admin.UploadTextAsync($"/api/v1/interactionTemplates/{offer}/languages/NLD/attachment", "aanbod.txt", $"Ons aanbod {tag}");
        var contact = await admin.CreateCompanyAsync($"Dijk Trading {tag}", "Utrecht");
        var segment = JsonDocument.Parse(await (await admin.PostAsJsonAsync("/api/v1/segments", new
        {
            description = $"Offer letters {tag}", interactionTemplateCode = letter, salespersonCode = "JR",
        }).SucceededAsync()).Content.ReadAsStringAsync()).RootElement.GetProperty("no").GetString()!;
        await admin.PostAsJsonAsync($"/api/v1/segments/{segment}/lines", new { contactNo = contact }).SucceededAsync();

        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/segments/{segment}");
        var lines = page.GetByTestId("segment-lines-table").Locator("tbody tr");
        await Expect(lines.GetByTestId("segment-line-has-letter")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("segment-languages").GetByTestId("segment-language-attachment-ENU")).ToContainTextAsync("letter.txt");

        // Another template: the dialog shows the line re-derived (its description, cost and English letter) before saving.
        await page.GetByTestId($"segment-line-edit-{contact}").ClickAsync();
        var dialog = page.DialogWith("Segment line");
        await page.PickTemplateAsync("segment-line-template-field", offerDescription);
        await Expect(dialog.GetByTestId("segment-line-description-field").Locator("input")).ToHaveValueAsync(offerDescription);
        await Expect(dialog.GetByTestId("segment-line-cost-field").Locator("input")).ToHaveValueAsync("4.00");
        await Expect(dialog.GetByTestId("segment-line-letter")).ToContainTextAsync("Logged with the letter in language ENU");
        await page.ChooseAsync("segment-line-language-field", "NLD");
        await Expect(dialog.GetByTestId("segment-line-letter")).ToContainTextAsync("Logged with the letter in language NLD");
        await dialog.GetByTestId("segment-line-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(lines.GetByTestId("segment-line-template")).ToHaveTextAsync(offer);
        await Expect(lines.GetByTestId("segment-line-language")).ToContainTextAsync("NLD");

        // Log it (rule 42), then open the logged entry's letter from the interaction log.
        await page.GetByTestId("segment-log").ClickAsync();
        var log = page.DialogWith("Create Follow-up Segment");
        await log.GetByTestId("log-send-attachments").Locator("input").UncheckAsync();
        await log.GetByTestId("log-ok").ClickAsync();
        await Expect(page.Snackbar($"Segment {segment} has been logged.")).ToBeVisibleAsync();
        await page.OpenAsync("/loggedSegments");
        await page.GetByTestId("logged-search").Locator("input").FillAsync(segment);
        await page.GetByTestId($"logged-interactions-{segment}").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/interactionLogEntries\\?loggedSegmentEntryNo=[0-9]+$"));
        await page.WaitForInteractiveAsync();
        var entry = page.GetByTestId("log-table").Locator("tbody tr");
        await Expect(entry).ToHaveCountAsync(1);
        await Expect(entry).ToContainTextAsync(offer);
        var entryNo = (await entry.Locator("[data-testid^='log-letter-']").GetAttributeAsync("data-testid"))!.Split('-').Last();
        await entry.GetByTestId($"log-letter-{entryNo}").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId($"log-attachment-{entryNo}").ClickAsync());
        Assert.Equal("aanbod.txt", download.SuggestedFilename);
        Assert.Equal($"Ons aanbod {tag}", await File.ReadAllTextAsync((await download.PathAsync())!));

        // The API gives the same bytes.
        Assert.Equal($"Ons aanbod {tag}", await admin.GetStringAsync($"/api/v1/interactionLogEntries/{entryNo}/attachment"));
    }
}
