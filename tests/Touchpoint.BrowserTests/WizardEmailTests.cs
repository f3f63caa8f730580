using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>
/// Delivery from the pages: an e-mail interaction created in the wizard is sent (rule 20) through a real SMTP server
/// and shows as delivered in the log; a logged segment's hard copies are printed as one PDF (rule 49).
/// </summary>
public sealed class WizardEmailTests(MailBrowserFixture browser) : IClassFixture<MailBrowserFixture>
{
    [BrowserFact]
    public async Task An_email_interaction_finished_in_the_wizard_is_mailed_and_shows_as_delivered_in_the_log()
    {
        var tag = Unique.Code("Wm");
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var description = $"Mail offer {tag}";
        var template = await admin.CreateTemplateAsync(description, "email");
        var letter = new ByteArrayContent(WordLetters.WithFields($"Our offer {tag} for", "ContactName"));
        await admin.PutAsync($"/api/v1/interactionTemplates/{template}/languages/ENU/attachment",
            new MultipartFormDataContent { { letter, "file", "offer.docx" } }).SucceededAsync();
        var address = $"wizard.{tag.ToLowerInvariant()}@example.test";
        var contact = await admin.CreateCompanyAsync($"Wizard Reader {tag}", "Gouda", address);
        await admin.PatchAsJsonAsync($"/api/v1/contacts/{contact}", new { salespersonCode = "JR" }).SucceededAsync();

        var page = await browser.SignedInPageAsync();
        await page.StartInteractionFromContactCardAsync(contact);
        await page.ChooseTemplateAsync(description);
        // Nothing ticked or unticked: the line has a correspondence type and a letter, so finishing sends it (rule 20).
        await page.FinishWizardAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{contact}$"));

        var message = Assert.Single(await browser.Smtp.WaitForAsync(1, TimeSpan.FromSeconds(30)), m => m.To.Mailboxes.Single().Address == address);
        Assert.Contains($"Wizard Reader {tag}", message.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"Our offer {tag} for", message.HtmlBody, StringComparison.Ordinal);

        // The log tells it was delivered (the worker marks it a moment after the server took it).
        var delivery = page.GetByTestId("log-table").Locator("tbody tr").Filter(new() { HasText = description }).GetByTestId("log-delivery");
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            await page.OpenAsync($"/interactionLogEntries?contactNo={contact}");
            await Expect(delivery).ToHaveCountAsync(1);
            if ((await delivery.InnerTextAsync()).Contains("Delivered", StringComparison.Ordinal) || DateTime.UtcNow > until)
            {
                break;
            }
            await Task.Delay(300);
        }
        await Expect(delivery).ToContainTextAsync("Delivered");
    }

    [BrowserFact]
    public async Task A_logged_segments_letters_are_printed_as_one_pdf_and_then_count_as_delivered()
    {
        var tag = Unique.Code("Pr");
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var segment = await admin.CreateMailingSegmentAsync(tag);
        await admin.PatchAsJsonAsync($"/api/v1/segments/{segment}", new { correspondenceTypeDefault = "hardCopy" }).SucceededAsync();
        string[] names = [$"Paper One {tag}", $"Paper Two {tag}"];
        foreach (var name in names)
        {
            var contact = await admin.CreateCompanyAsync(name, "Delft");
            await admin.PostAsJsonAsync($"/api/v1/segments/{segment}/lines", new { contactNo = contact }).SucceededAsync();
        }
        await admin.PostAsJsonAsync($"/api/v1/segments/{segment}/log", new { send = true }).SucceededAsync();

        var page = await browser.SignedInPageAsync();
        await page.OpenAsync("/loggedSegments");
        var print = page.GetByTestId($"logged-print-{segment}");
        await Expect(page.GetByTestId($"logged-inProgress-{segment}")).ToContainTextAsync("2");
        var popup = await page.RunAndWaitForPopupAsync(() => print.ClickAsync());
        Assert.Matches(new Regex("/files/loggedSegments/[0-9]+/document$"), popup.Url);

        // The same address with the page's cookie: one PDF, the letters in line order.
        var pdf = await page.Context.APIRequest.GetAsync(popup.Url);
        Assert.Equal("application/pdf", pdf.Headers["content-type"]);
        using (var document = UglyToad.PdfPig.PdfDocument.Open(await pdf.BodyAsync()))
        {
            var pages = document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
            Assert.Equal(2, pages.Count);
            Assert.Contains(names[0], pages[0], StringComparison.Ordinal);
            Assert.Contains(names[1], pages[1], StringComparison.Ordinal);
        }
        await page.OpenAsync("/loggedSegments");
        await Expect(page.GetByTestId($"logged-delivered-{segment}")).ToContainTextAsync("2");
    }
}
