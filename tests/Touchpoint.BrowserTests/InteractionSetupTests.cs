using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

public sealed class InteractionSetupTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task An_admin_creates_a_letter_template_adds_a_language_and_uploads_its_attachment()
    {
        var code = Unique.Code("T");
        var page = await browser.SignedInPageAsync();

        await page.OpenAsync("/setup/interactionTemplates");
        await Expect(page.GetByTestId("templates-table")).ToContainTextAsync("ABSTRACT");
        await page.GetByTestId("template-new").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/setup/interactionTemplates/new"));
        await page.WaitForInteractiveAsync();

        await page.GetByTestId("template-code").Locator("input").FillAsync(code);
        await page.ChooseAsync("template-group", "LETTER");
        // The server's render of the choice must be in before the next field is typed, or it may wipe what was typed.
        await Expect(page.GetByTestId("template-group").Locator("input").First).ToHaveValueAsync(new Regex("LETTER"));
        await page.GetByTestId("template-description").Locator("input").FillAsync($"Thank-you letter {code}");
        var unitCost = page.GetByTestId("template-unit-cost").Locator("input");
        await unitCost.FillAsync("12.5");
        await unitCost.PressAsync("Tab");
        await page.GetByTestId("template-save").ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/setup/interactionTemplates/{code}$"));
        await Expect(page.GetByTestId("card-title")).ToContainTextAsync($"Thank-you letter {code}");
        await page.WaitForInteractiveAsync();
        // The unit cost came back from the database, formatted in the user's culture.
        await Expect(page.GetByTestId("template-unit-cost").Locator("input")).ToHaveValueAsync(12.5m.ToString("N2", CultureInfo.GetCultureInfo("en-US")));

        var languages = page.GetByTestId("template-languages");
        await page.GetByTestId("template-language-add-code").Locator("input").FillAsync("enu");
        await page.GetByTestId("template-language-add").ClickAsync();
        await Expect(languages.GetByTestId("template-language-ENU")).ToBeVisibleAsync();
        await Expect(languages.GetByTestId("template-language-ENU")).ToContainTextAsync($"Thank-you letter {code}");

        await page.Locator("[data-testid=template-upload] input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = "thank-you.txt",
            MimeType = "text/plain",
            Buffer = Encoding.UTF8.GetBytes("Dear customer,\nthank you for your order.\n"),
        });
        // The file goes over the page's connection in chunks and is stored before the list shows it: on a loaded machine
        // that took longer than the default 5 s wait (as in LetterUploadTests).
        await Expect(languages.GetByTestId("template-language-ENU")).ToContainTextAsync("thank-you.txt", new() { Timeout = 15_000 });
        await Expect(languages.GetByTestId("template-language-ENU")).ToContainTextAsync("bytes");

        // Stored, not only shown: a fresh load of the card lists the file too.
        await page.ReloadAsync();
        await Expect(page.GetByTestId("template-languages")).ToContainTextAsync("thank-you.txt");
    }

    [BrowserFact]
    public async Task Setting_a_document_type_to_none_adds_one_to_the_count_of_types_not_recorded()
    {
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync("/setup/interactionTemplateSetup");

        var count = page.GetByTestId("setup-unmapped-count");
        var before = int.Parse(await count.InnerTextAsync(), CultureInfo.GetCultureInfo("en-US"));
        var quotes = page.GetByTestId("setup-field-salesQuote");
        await Expect(quotes.Locator("input").First).ToHaveValueAsync(new Regex("^S_QUOTE"));

        // The searchable template picker: clearing it leaves the document type without a template.
        await quotes.Locator(".mud-input-clear-button").ClickAsync();
        await Expect(quotes.Locator("input").First).ToHaveValueAsync("");
        await Expect(page.GetByTestId("setup-not-recorded-salesQuote")).ToBeVisibleAsync();
        await page.GetByTestId("setup-save").ClickAsync();

        await Expect(count).ToHaveTextAsync((before + 1).ToString(CultureInfo.GetCultureInfo("en-US")));
        // Saved: a fresh load shows the same.
        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("setup-unmapped-count")).ToHaveTextAsync((before + 1).ToString(CultureInfo.GetCultureInfo("en-US")));
        await Expect(page.GetByTestId("setup-not-recorded-salesQuote")).ToBeVisibleAsync();

        // Typing part of the template's code picks it again; saved, the count is back where it was.
        await page.PickTemplateAsync("setup-field-salesQuote", "S_QUOTE");
        await Expect(page.GetByTestId("setup-field-salesQuote").Locator("input").First).ToHaveValueAsync(new Regex("^S_QUOTE · "));
        await Expect(page.GetByTestId("setup-not-recorded-salesQuote")).ToHaveCountAsync(0);
        await page.GetByTestId("setup-save").ClickAsync();
        await Expect(page.GetByTestId("setup-unmapped-count")).ToHaveTextAsync(before.ToString(CultureInfo.GetCultureInfo("en-US")));
    }
}
