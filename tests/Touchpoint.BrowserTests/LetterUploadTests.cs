using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>Uploading a Word letter shows the merge fields it uses and warns about unknown ones (rule 49).</summary>
public sealed class LetterUploadTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>A letter template in English (default) and Dutch, neither with a file yet.</summary>
    internal static async Task<string> TemplateAsync(HttpClient admin, string tag)
    {
        var group = Unique.Code("G")[..8];
        var template = Unique.Code("T")[..9];
        await admin.PostAsJsonAsync("/api/v1/interactionGroups", new { code = group, description = "Letters" }).SucceededAsync();
        await admin.PostAsJsonAsync("/api/v1/interactionTemplates", new
        {
            code = template, interactionGroupCode = group, description = $"Offer letter {tag}", languageCodeDefault = "ENU", correspondenceTypeDefault = "hardCopy",
        }).SucceededAsync();
        await admin.PostAsJsonAsync($"/api/v1/interactionTemplates/{template}/languages", new { languageCode = "NLD", description = "Offertebrief" }).SucceededAsync();
        return template;
    }

    /// <summary>A segment of that template with one line that has a Dutch letter of its own; answers its number and line.</summary>
    internal static async Task<(string No, int Line)> SegmentAsync(HttpClient admin, string template, string tag)
    {
        var contact = await admin.CreateCompanyAsync($"Letter Mills {tag}", "Utrecht");
        var no = JsonDocument.Parse(await (await admin.PostAsJsonAsync("/api/v1/segments", new { description = $"Offer letters {tag}", interactionTemplateCode = template })
            .SucceededAsync()).Content.ReadAsStringAsync()).RootElement.GetProperty("no").GetString()!;
        var line = JsonDocument.Parse(await (await admin.PostAsJsonAsync($"/api/v1/segments/{no}/lines", new { contactNo = contact }).SucceededAsync())
            .Content.ReadAsStringAsync()).RootElement.GetProperty("lineNo").GetInt32();
        await admin.PostAsJsonAsync($"/api/v1/segments/{no}/lines/{line}/languages", new { languageCode = "NLD" }).SucceededAsync();
        return (no, line);
    }

    /// <summary>
    /// Chooses the file for a language's upload button, and again if the list was still being replaced by its
    /// interactive render when the first choice came (that choice went to an input that no longer exists).
    /// </summary>
    internal static async Task UploadAsync(ILocator within, string testId, string language, string fileName, byte[] content)
    {
        for (var attempt = 1; ; attempt++)
        {
            await within.Locator($"[data-testid={testId}][data-language={language}] input[type=file]").SetInputFilesAsync(new FilePayload
            {
                Name = fileName,
                MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                Buffer = content,
            });
            try
            {
                await Expect(within.GetByTestId("letter-fields")).ToContainTextAsync(fileName, new() { Timeout = 10_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 3)
            {
            }
        }
    }

    [BrowserFact]
    public async Task A_letter_uploaded_on_the_template_card_shows_its_fields_and_warns_about_unknown_ones()
    {
        var tag = Unique.Code("Lu");
        var template = await TemplateAsync(await browser.App.ClientAsync(Roles.Admin), tag);
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/setup/interactionTemplates/{template}");

        var languages = page.GetByTestId("template-languages");
        await UploadAsync(languages, "template-upload", "ENU", "offer.docx", WordLetters.WithFields($"Dear {tag}", "ContactName", "Salutation"));

        await Expect(languages.GetByTestId("template-language-ENU")).ToContainTextAsync("offer.docx");
        await Expect(languages.GetByTestId("letter-merge-fields")).ToHaveTextAsync("Merge fields in offer.docx: ContactName, Salutation.");
        await Expect(languages.GetByTestId("letter-unknown-fields")).ToContainTextAsync("Unknown merge fields, left blank in every letter: Salutation.");
        await Expect(languages.GetByTestId("letter-unknown-fields")).ToContainTextAsync("ContactNo, ContactName");
    }

    [BrowserFact]
    public async Task A_letter_uploaded_for_a_segment_language_or_a_lines_own_language_shows_its_fields()
    {
        var tag = Unique.Code("Ls");
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var (no, _) = await SegmentAsync(admin, await TemplateAsync(admin, tag), tag);
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/segments/{no}");

        var languages = page.GetByTestId("segment-languages");
        await UploadAsync(languages, "segment-language-upload", "ENU", "offer.docx", WordLetters.WithFields($"Dear {tag}", "ContactName", "Date"));
        await Expect(languages.GetByTestId("letter-merge-fields")).ToHaveTextAsync("Merge fields in offer.docx: ContactName, Date.");
        await Expect(languages.GetByTestId("letter-unknown-fields")).ToHaveCountAsync(0);

        await page.GetByTestId("segment-lines-table").Locator("[data-testid^=segment-line-edit-]").First.ClickAsync();
        var dialog = page.DialogWith("Segment line");
        await UploadAsync(dialog, "segment-language-upload", "NLD", "brief.docx", WordLetters.WithFields($"Beste {tag}", "ContactNaam"));
        await Expect(dialog.GetByTestId("letter-merge-fields")).ToHaveTextAsync("Merge fields in brief.docx: ContactNaam.");
        await Expect(dialog.GetByTestId("letter-unknown-fields")).ToContainTextAsync("ContactNaam");
    }
}
