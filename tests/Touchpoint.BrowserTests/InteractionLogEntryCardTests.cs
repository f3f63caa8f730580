using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>
/// The interaction log entry's card: opened from the log and from a contact's interactions, what was logged shown back
/// (the wizard's comments too), its comment lines, and the log's actions on the one entry; canceled entries visible as
/// such in the lists.
/// </summary>
public sealed class InteractionLogEntryCardTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // A demo person who prefers hard copy (InteractionWizardTests').
    private const string Person = "CT000006";

    private static string No(JsonElement entry) => entry.GetProperty("entryNo").GetInt64().ToString(CultureInfo.InvariantCulture);

    private async Task<(HttpClient Admin, string Contact)> ContactAsync(string tag)
    {
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var contact = await admin.CreateCompanyAsync($"Entry Card {tag}", "Utrecht");
        return (admin, contact);
    }

    private static async Task OpenCardFromLogAsync(IPage page, string contact, string entryNo)
    {
        await page.OpenAsync($"/interactionLogEntries?contactNo={contact}");
        await page.GetByTestId($"log-open-{entryNo}").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/interactionLogEntries/{entryNo}$"));
        await page.WaitForInteractiveAsync();
    }

    // A menu pressed in the instant after the card appears, while its popover is still being set up, stays shut: a
    // second press opens it, as it would for a person.
    private static async Task OpenMenuAsync(ILocator activator, ILocator item)
    {
        await activator.ClickAsync();
        try
        {
            await item.WaitForAsync(new() { Timeout = 2000 });
        }
        catch (TimeoutException)
        {
            await activator.ClickAsync();
            await item.WaitForAsync();
        }
    }

    [BrowserFact]
    public async Task A_user_opens_an_entry_from_the_log_and_from_the_contact_card_and_sees_the_wizards_comments()
    {
        var description = $"Asked for a quote {Unique.Code("Ec")}";
        var page = await browser.SignedInPageAsync();
        await page.StartInteractionFromContactCardAsync(Person);
        await page.ChooseTemplateAsync("Outgoing phone call");
        await page.DescribeInteractionAsync(description);
        await page.ToResultStepAsync();
        await page.GetByTestId("wizard-comments").Locator("textarea").First.FillAsync("Wants 12 desks\nCall back in May");
        await page.GetByTestId("wizard-finish").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{Person}$"));

        // From the log: the entry no. is a link, reached by the keyboard as any link is.
        await page.OpenAsync($"/interactionLogEntries?contactNo={Person}");
        await page.GetByTestId("log-search").Locator("input").FillAsync(description);
        var row = page.GetByTestId("log-table").Locator("tbody tr").Filter(new() { HasText = description });
        await Expect(row).ToHaveCountAsync(1);
        var link = row.Locator("[data-testid^='log-open-']");
        var entryNo = (await link.GetAttributeAsync("data-testid"))!.Split('-').Last();
        await Expect(link).ToHaveAttributeAsync("href", $"/interactionLogEntries/{entryNo}");
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex($"/interactionLogEntries/{entryNo}$"));
        await page.WaitForInteractiveAsync();

        await Expect(page.GetByTestId("card-title")).ToHaveTextAsync(new Regex("^Outgoing phone call - by "));
        await Expect(page.GetByTestId("entry-no")).ToContainTextAsync(entryNo);
        await Expect(page.GetByTestId("entry-description")).ToContainTextAsync(description);
        await Expect(page.GetByTestId("entry-contact").Locator("a")).ToHaveAttributeAsync("href", $"/contacts/{Person}");
        await Expect(page.GetByTestId("entry-state").Locator(".mud-chip")).ToHaveCountAsync(0);
        var comments = page.GetByTestId("comment-line-text");
        await Expect(comments).ToHaveTextAsync(["Wants 12 desks", "Call back in May"]);

        // Back goes where the user came from.
        await page.GetByTestId("entry-back").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/interactionLogEntries\\?contactNo={Person}$"));

        // From the contact card's timeline: the title is the link.
        await page.OpenAsync($"/contacts/{Person}");
        var open = page.Locator($"[data-testid=timeline-item-title][data-entry-no='{entryNo}']");
        await Expect(open).ToHaveTextAsync(new Regex("^Outgoing phone call"));
        await open.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/interactionLogEntries/{entryNo}$"));
        await Expect(page.GetByTestId("entry-description")).ToContainTextAsync(description);
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("entry-back").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{Person}$"));
    }

    [BrowserFact]
    public async Task A_user_comments_evaluates_creates_an_opportunity_and_cancels_on_the_entry_card()
    {
        var tag = Unique.Code("Ea");
        var (admin, contact) = await ContactAsync(tag);
        var description = $"Visit {tag}";
        var entryNo = No(await admin.LogInteractionAsync(contact, "OUTGOING", description));
        var page = await browser.SignedInPageAsync();
        await OpenCardFromLogAsync(page, contact, entryNo);
        await Expect(page.GetByTestId("entry-no-comments")).ToHaveTextAsync("No comments.");

        // Add Comment, then change it: BC's comment sheet lets the user edit a line.
        await page.GetByTestId("entry-add-comment").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("comment-text").Locator("input").FillAsync("Liked the showroom");
        await dialog.GetByTestId("comment-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("comment-line-text")).ToHaveTextAsync(["Liked the showroom"]);
        await Expect(page.GetByTestId("comment-line-date")).ToHaveTextAsync([DateTime.Now.ToString("d", CultureInfo.GetCultureInfo("en-US"))]);
        await page.GetByTestId("comment-edit-10000").ClickAsync();
        var input = dialog.GetByTestId("comment-text").Locator("input");
        await Expect(input).ToHaveValueAsync("Liked the showroom");
        await input.FillAsync("Liked the showroom, wants a second visit");
        await dialog.GetByTestId("comment-save").ClickAsync();
        await Expect(dialog).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("comment-line-text")).ToHaveTextAsync(["Liked the showroom, wants a second visit"]);

        // Evaluate: the choice shows on the card.
        await OpenMenuAsync(page.GetByTestId("entry-evaluate"), page.GetByTestId("entry-evaluate-Positive"));
        await page.GetByTestId("entry-evaluate-Positive").ClickAsync();
        await Expect(page.GetByTestId("entry-evaluation")).ToContainTextAsync("Positive");

        // Create Opportunity (rule 60): its no. is then the entry's, a link to its card.
        await page.GetByTestId("entry-create-opportunity").ClickAsync();
        var opportunity = page.GetByTestId("entry-opportunity").Locator("a");
        await Expect(opportunity).ToHaveTextAsync(new Regex("^OP[0-9]+$"));
        await Expect(page.GetByTestId("entry-create-opportunity")).ToHaveCountAsync(0);
        var opportunityNo = await opportunity.InnerTextAsync();
        await opportunity.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/opportunities/{opportunityNo}$"));
        await Expect(page.GetByTestId("card-title")).ToHaveTextAsync($"{opportunityNo} · {description}");
        await page.GoBackAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/interactionLogEntries/{entryNo}$"));
        await page.WaitForInteractiveAsync();

        // Cancel: BC's question with Yes and No only; then the card says Canceled.
        await page.GetByTestId("entry-cancel").ClickAsync();
        var question = page.DialogWith("as canceled?");
        await Expect(question).ToContainTextAsync($"Do you wish to mark Entry No. {entryNo} as canceled?");
        await Expect(question.GetByRole(AriaRole.Button)).ToHaveTextAsync(["No", "Yes"]);
        await question.AnswerAsync("Yes");
        await Expect(page.GetByTestId("entry-state").GetByTestId("entry-canceled-chip")).ToHaveTextAsync("Canceled");
        await Expect(page.GetByTestId("entry-uncancel")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("entry-cancel")).ToHaveCountAsync(0);

        // The log greys the row and says Canceled; so does the contact's timeline.
        await page.OpenAsync($"/interactionLogEntries?contactNo={contact}");
        var row = page.GetByTestId("log-table").Locator("tbody tr").Filter(new() { HasText = description });
        await Expect(row).ToHaveClassAsync(new Regex("tp-canceled-row"));
        await Expect(row.GetByTestId("log-canceled")).ToHaveTextAsync("Canceled");
        var live = No(await admin.LogInteractionAsync(contact, "OUTGOING", $"Live {tag}"));
        await page.OpenAsync($"/contacts/{contact}");
        var items = page.GetByTestId("timeline-item");
        var canceledItem = items.Filter(new() { Has = page.Locator($"[data-entry-no='{entryNo}']") });
        await Expect(canceledItem).ToHaveClassAsync(new Regex("tp-timeline-muted"));
        await Expect(canceledItem.GetByTestId("timeline-canceled")).ToHaveTextAsync("Canceled");
        await Expect(canceledItem.GetByTestId("timeline-item-description")).ToHaveTextAsync(description);
        var liveItem = items.Filter(new() { Has = page.Locator($"[data-entry-no='{live}']") });
        await Expect(liveItem).Not.ToHaveClassAsync(new Regex("tp-timeline-muted"));
        await Expect(liveItem.GetByTestId("timeline-canceled")).ToHaveCountAsync(0);
        // The canceled item is grey, not hidden: still readable, fainter than the live one.
        const string Opacity = "e => parseFloat(getComputedStyle(e.querySelector('.tp-timeline-body')).opacity)";
        var faint = await canceledItem.EvaluateAsync<double>(Opacity);
        Assert.True(faint >= 0.5 && faint < await liveItem.EvaluateAsync<double>(Opacity), $"The canceled item's opacity is {faint}.");
    }

    [BrowserFact]
    public async Task The_log_cancels_after_Yes_or_No_says_how_many_in_the_plural_and_filters_by_the_template_picker()
    {
        var tag = Unique.Code("Ep");
        var (admin, contact) = await ContactAsync(tag);
        foreach (var n in new[] { 1, 2 })
        {
            await admin.LogInteractionAsync(contact, "OUTGOING", $"Call {n} {tag}");
        }
        var meeting = $"Meeting {tag}";
        await admin.LogInteractionAsync(contact, "INCOME", meeting);
        var page = await browser.NewPageAsync("ru-RU");
        await page.SignInAsync();
        await page.OpenAsync($"/interactionLogEntries?contactNo={contact}");
        var rows = page.GetByTestId("log-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(3);

        // The template filter is the searchable picker.
        await page.PickTemplateAsync("log-template-filter", "OUTGOING");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.Filter(new() { HasText = meeting })).ToHaveCountAsync(0);

        foreach (var box in await rows.Locator("input[type=checkbox]").AllAsync())
        {
            await box.CheckAsync();
        }
        await page.GetByTestId("log-cancel").ClickAsync();
        var question = page.GetByRole(AriaRole.Dialog);
        await Expect(question.GetByRole(AriaRole.Button)).ToHaveTextAsync(["Нет", "Да"]);
        await question.AnswerAsync("Да");
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("2 операции помечены как отмененные.");
        await Expect(rows.GetByTestId("entry-canceled-chip")).ToHaveTextAsync(["Отменено", "Отменено"]);
    }

    [BrowserFact]
    public async Task A_user_previews_the_Word_letter_of_an_entry_from_its_card()
    {
        var tag = Unique.Code("El");
        var (admin, contact) = await ContactAsync(tag);
        var template = await LetterUploadTests.TemplateAsync(admin, tag);
        var file = new ByteArrayContent(WordLetters.WithFields($"Dear customer {tag},", "ContactName"));
        await admin.PutAsync($"/api/v1/interactionTemplates/{template}/languages/ENU/attachment",
            new MultipartFormDataContent { { file, "file", "offer.docx" } }).SucceededAsync();
        var entryNo = No(await admin.LogInteractionAsync(contact, template, $"Offer {tag}"));
        var page = await browser.SignedInPageAsync();
        await OpenCardFromLogAsync(page, contact, entryNo);

        var preview = page.GetByTestId($"log-open-letter-{entryNo}");
        await OpenMenuAsync(page.GetByTestId($"log-letter-{entryNo}"), preview);
        await Expect(preview).ToHaveAttributeAsync("href", $"/files/interactionLogEntries/{entryNo}/document?format=pdf");
        var pdf = await page.APIRequest.GetAsync($"/files/interactionLogEntries/{entryNo}/document?format=pdf");
        Assert.Equal(200, pdf.Status);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.BodyAsync())[..4]));
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId($"log-attachment-{entryNo}").ClickAsync());
        Assert.Equal("offer.docx", download.SuggestedFilename);
    }

    [BrowserFact]
    public async Task On_a_phone_the_cards_actions_are_reachable_and_a_postponed_entry_resumes_in_the_wizard()
    {
        var tag = Unique.Code("Eh");
        var (admin, contact) = await ContactAsync(tag);
        var entryNo = No(await admin.LogInteractionAsync(contact, "OUTGOING", $"Phone {tag}"));
        var postponed = await admin.PostAsJsonAsync("/api/v1/interactions", new
        {
            contactNo = contact, interactionTemplateCode = "OUTGOING", salespersonCode = "JR", description = $"Later {tag}", postpone = true,
        }).SucceededAsync();
        var postponedNo = No(JsonDocument.Parse(await postponed.Content.ReadAsStringAsync()).RootElement);

        var page = await browser.NewPageAsync("ru-RU");
        await page.SetViewportSizeAsync(390, 844);
        await page.SignInAsync();
        await page.OpenAsync($"/interactionLogEntries/{entryNo}");
        // Evaluate and the "more" menu on one line; the other actions in that menu.
        var evaluate = await page.GetByTestId("entry-evaluate").BoxAsync();
        var more = await page.GetByTestId("card-more").GetByRole(AriaRole.Button).BoxAsync();
        foreach (var (action, box) in new[] { ("entry-evaluate", evaluate), ("card-more", more) })
        {
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"{action} runs off the screen ({box.X} + {box.Width}).");
        }
        Assert.True(Math.Abs(evaluate.Y - more.Y) < 8, $"The actions take more than one line ({evaluate.Y}, {more.Y}).");
        await Expect(page.GetByTestId("entry-cancel")).ToBeHiddenAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= 390"), "The card is wider than the phone.");
        await page.GetByTestId("card-more").GetByRole(AriaRole.Button).ClickAsync();
        foreach (var action in new[] { "card-more-cancel", "card-more-create-opportunity", "card-more-add-comment" })
        {
            await Expect(page.GetByTestId(action)).ToBeInViewportAsync();
        }
        await page.GetByTestId("card-more-add-comment").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByTestId("comment-text").Locator("input").FillAsync("По телефону");
        await page.GetByTestId("comment-save").ClickAsync();
        await Expect(page.GetByTestId("comment-line-text")).ToHaveTextAsync(["По телефону"]);

        // A postponed entry says so and offers Resume, which is the wizard's resume path (rule 27).
        await page.OpenAsync($"/postponedInteractions");
        await page.GetByTestId($"postponed-open-{postponedNo}").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/interactionLogEntries/{postponedNo}$"));
        await Expect(page.GetByTestId("entry-postponed-chip")).ToHaveTextAsync("Отложено");
        await Expect(page.GetByTestId("entry-cancel")).ToHaveCountAsync(0);
        await page.GetByTestId("entry-resume").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/postponedInteractions/{postponedNo}/resume$"));
    }
}
