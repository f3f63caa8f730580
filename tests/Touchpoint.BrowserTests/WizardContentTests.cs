using System.Net.Http.Json;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>The Create Interaction wizard's content step (rule 22): the letter shown merged for the contact, and a file of the user's own.</summary>
public sealed class WizardContentTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string ContentStepTitle = "What content will be used for this interaction?";

    /// <summary>A letter template (LetterUploadTests') whose English letter greets the contact, with this wizard action; and a company to write to.</summary>
    private async Task<(string Template, string Description, string Contact)> LetterAsync(string tag, string wizardAction)
    {
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var template = await LetterUploadTests.TemplateAsync(admin, tag);
        var file = new ByteArrayContent(WordLetters.WithFields($"Template letter {tag} for", "ContactName"));
        await admin.PutAsync($"/api/v1/interactionTemplates/{template}/languages/ENU/attachment",
            new MultipartFormDataContent { { file, "file", "offer.docx" } }).SucceededAsync();
        await admin.PatchAsJsonAsync($"/api/v1/interactionTemplates/{template}", new { wizardAction }).SucceededAsync();
        var contact = await admin.CreateCompanyAsync($"Letter Reader {tag}", "Leiden");
        // The wizard takes the contact's salesperson (rule 8): the admin has none of their own.
        await admin.PatchAsJsonAsync($"/api/v1/contacts/{contact}", new { salespersonCode = "JR" }).SucceededAsync();
        return (template, $"Offer letter {tag}", contact);
    }

    private static async Task ToContentStepAsync(IPage page, string contact, string templateDescription)
    {
        await page.StartInteractionFromContactCardAsync(contact);
        await page.ChooseTemplateAsync(templateDescription);
        await page.GetByTestId("wizard-next").ClickAsync();
        await Expect(page.GetByTestId("wizard-step-title")).ToHaveTextAsync(ContentStepTitle);
    }

    private static string DocxText(string path)
    {
        using var document = WordprocessingDocument.Open(path, false);
        return document.MainDocumentPart!.Document!.Body!.InnerText;
    }

    [BrowserFact]
    public async Task A_user_imports_a_letter_of_their_own_and_the_logged_entry_keeps_that_file()
    {
        var tag = Unique.Code("Wi");
        var (_, description, contact) = await LetterAsync(tag, "import");
        var page = await browser.SignedInPageAsync();
        await ToContentStepAsync(page, contact, description);

        // The template's wizard action is the choice; Next without a file is BC's "stopped importing".
        await Expect(page.GetByTestId("wizard-content-import").Locator("input")).ToBeCheckedAsync();
        await Expect(page.GetByTestId("wizard-content-attachment")).ToHaveTextAsync("offer.docx");
        await page.GetByTestId("wizard-next").ClickAsync();
        await Expect(page.GetByTestId("wizard-import-error")).ToHaveTextAsync("The program has stopped importing the attachment at your request.");
        await Expect(page.GetByTestId("wizard-step-title")).ToHaveTextAsync(ContentStepTitle);

        var own = WordLetters.WithFields($"My own words {tag} to", "ContactName");
        await page.GetByTestId("wizard-import").Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "my-letter.docx",
            MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Buffer = own,
        });
        await Expect(page.GetByTestId("wizard-import-file")).ToContainTextAsync("my-letter.docx");
        await Expect(page.GetByTestId("letter-merge-fields")).ToHaveTextAsync("Merge fields in my-letter.docx: ContactName.");
        await page.FinishWizardAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{contact}$"));

        // The entry's attachment is the imported file, as it was chosen.
        await page.OpenAsync($"/interactionLogEntries?contactNo={contact}");
        var row = page.GetByTestId("log-table").Locator("tbody tr").Filter(new() { HasText = description });
        await Expect(row).ToHaveCountAsync(1);
        // The file is in the entry's letter menu, which opens outside the row.
        var entryNo = (await row.Locator("[data-testid^='log-letter-']").GetAttributeAsync("data-testid"))!.Split('-').Last();
        await row.GetByTestId($"log-letter-{entryNo}").ClickAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId($"log-attachment-{entryNo}").ClickAsync());
        Assert.Equal("my-letter.docx", download.SuggestedFilename);
        Assert.Equal(own, await File.ReadAllBytesAsync((await download.PathAsync())!));
    }

    [BrowserFact]
    public async Task Open_shows_the_letter_merged_for_the_contact_as_a_PDF_in_the_page_and_offers_the_docx()
    {
        var tag = Unique.Code("Wo");
        var (_, description, contact) = await LetterAsync(tag, "open");
        var page = await browser.SignedInPageAsync();
        await ToContentStepAsync(page, contact, description);

        await Expect(page.GetByTestId("wizard-content-open").Locator("input")).ToBeCheckedAsync();
        var preview = page.GetByTestId("wizard-letter-preview");
        await Expect(preview).ToHaveAttributeAsync("src", new Regex("^blob:.*#view=FitH"), new() { Timeout = 60_000 });
        var head = await preview.EvaluateAsync<string>(
            "async frame => new TextDecoder().decode((await (await fetch(frame.src)).arrayBuffer()).slice(0, 5))");
        Assert.Equal("%PDF-", head);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("wizard-letter-download").ClickAsync());
        Assert.Equal("offer.docx", download.SuggestedFilename);
        var text = DocxText((await download.PathAsync())!);
        Assert.Contains($"Template letter {tag} for", text, StringComparison.Ordinal);
        Assert.Contains($"Letter Reader {tag}", text, StringComparison.Ordinal);

        // Switching to Merge keeps the template's letter; the wizard logs it.
        await page.GetByTestId("wizard-content-merge").ClickAsync();
        await Expect(page.GetByTestId("wizard-content-help")).ToContainTextAsync("offer.docx");
        await page.FinishWizardAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{contact}$"));
        await Expect(page.GetByTestId("timeline-item").Filter(new() { HasText = description })).ToHaveCountAsync(1);
    }
}
