using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>
/// The contact card's quick actions (a call, a meeting or an e-mail logged in one dialog, Beyond BC 9), Make Phone Call
/// (BC page 5077, rule 58) and the tel:/mailto: links of the card and the contact list.
/// </summary>
public sealed class QuickLogTests(BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private const string Phone = "+31 (20) 123-4567";
    private const string Mobile = "+31 6 1234 5678";

    // A 60-words-a-minute typist: 5 characters a second.
    private const int TypingDelayMs = 200;

    [BrowserFact]
    public async Task A_call_is_logged_in_one_dialog_with_a_click_the_description_typed_and_Enter()
    {
        var contact = await NewContactAsync("Quick Caller");
        var description = $"Asked for the new prices {Unique.Code("Q")}"[..30];
        Assert.Equal(30, description.Length);
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/contacts/{contact}");
        var dialogs = page.GetByRole(AriaRole.Dialog);
        var (clicks, keys) = (0, 0);

        var watch = Stopwatch.StartNew();
        await page.GetByTestId("quick-log-call").ClickAsync();
        clicks++;
        // The Outg. Calls template, chosen in advance; its description selected, so typing replaces it.
        var input = page.GetByTestId("quick-description").Locator("input");
        await Expect(input).ToHaveValueAsync("Outgoing phone call");
        await Expect(input).ToBeFocusedAsync();
        await Expect(page.GetByTestId("quick-template").Locator("input")).ToHaveValueAsync("OUTGOING · Outgoing phone call");
        await Expect(page.GetByTestId("quick-flow")).ToHaveTextAsync("Information Flow: Outbound · Initiated By: Us");
        await input.PressSequentiallyAsync(description, new() { Delay = TypingDelayMs });
        keys += description.Length;
        await input.PressAsync("Enter");
        keys++;
        await Expect(page.Snackbar("was logged")).ToBeVisibleAsync();
        await Expect(dialogs).ToHaveCountAsync(0);
        watch.Stop();

        // One dialog, on the card: no page was left.
        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{contact}$"));
        var entry = await EntryAsync(description);
        Assert.Equal((contact, "OUTGOING", false), (entry.ContactNo, entry.InteractionTemplateCode, entry.Canceled));
        // The card's timeline and its statistics show it without a reload.
        await Expect(page.GetByTestId("timeline-item-description").First).ToHaveTextAsync(description);
        await Expect(page.GetByTestId("stat-no-of-interactions").Locator("dd")).ToHaveTextAsync("1");
        var typing = description.Length * TypingDelayMs / 1000.0;
        output.WriteLine($"quick call: {watch.Elapsed.TotalSeconds:F2} s from the click on Log call to the notification, " +
            $"{typing:F1} s of it typing at {1000 / TypingDelayMs} characters a second; {clicks} click, {keys} keystrokes, 1 dialog");
    }

    /// <summary>The same call through the three-step wizard, measured the same way: the figure the quick dialog is held against.</summary>
    [BrowserFact]
    public async Task The_same_call_through_the_wizard_for_comparison()
    {
        var contact = await NewContactAsync("Wizard Caller");
        var description = $"Asked for the new prices {Unique.Code("W")}"[..30];
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/contacts/{contact}");
        var (clicks, keys) = (0, 0);

        var watch = Stopwatch.StartNew();
        await page.GetByTestId("contact-create-interaction").ClickAsync();
        clicks++;
        await page.WaitForInteractiveAsync();
        // The template picker has the focus: part of the template's name and Enter.
        var template = page.GetByTestId("wizard-template").Locator("input");
        await Expect(template).ToBeFocusedAsync();
        await template.PressSequentiallyAsync("outg", new() { Delay = TypingDelayMs });
        await Expect(page.Locator(".mud-popover-open [data-testid=template-option-OUTGOING]")).ToBeVisibleAsync();
        await template.PressAsync("Enter");
        keys += 5;
        var input = page.GetByTestId("wizard-description").Locator("input");
        await Expect(input).ToHaveValueAsync("Outgoing phone call");
        await input.ClickAsync();
        await input.PressAsync("Control+A");
        await input.PressSequentiallyAsync(description, new() { Delay = TypingDelayMs });
        (clicks, keys) = (clicks + 1, keys + 1 + description.Length);
        var title = page.GetByTestId("wizard-step-title");
        for (var step = 0; step < 2; step++)
        {
            var before = await title.InnerTextAsync();
            await page.GetByTestId("wizard-next").ClickAsync();
            clicks++;
            await Expect(title).Not.ToHaveTextAsync(before);
        }
        await page.GetByTestId("wizard-finish").ClickAsync();
        clicks++;
        await Expect(page.Snackbar("was logged")).ToBeVisibleAsync();
        watch.Stop();

        var entry = await EntryAsync(description);
        Assert.Equal((contact, "OUTGOING"), (entry.ContactNo, entry.InteractionTemplateCode));
        var typing = (description.Length + 4) * TypingDelayMs / 1000.0;
        output.WriteLine($"wizard call: {watch.Elapsed.TotalSeconds:F2} s from the click on Create interaction to the notification, " +
            $"{typing:F1} s of it typing at {1000 / TypingDelayMs} characters a second; {clicks} clicks, {keys} keystrokes, 3 steps on a page of its own");
    }

    [BrowserFact]
    public async Task A_meeting_and_an_e_mail_are_logged_in_the_dialog_with_Finish_and_with_Ctrl_Enter_in_the_comment()
    {
        var contact = await NewContactAsync("Quick Meeter");
        var (meeting, email) = ($"Lunch {Unique.Code("M")}", $"Sent the brochure {Unique.Code("E")}");
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/contacts/{contact}");

        await page.GetByTestId("quick-log-meeting").ClickAsync();
        var input = page.GetByTestId("quick-description").Locator("input");
        // A meeting template of the demo's MEETING group (the setup uses no template of it).
        await Expect(input).ToHaveValueAsync(new Regex("^Meeting at"));
        await Expect(page.GetByTestId("quick-attempt-failed")).ToHaveCountAsync(0);
        await input.FillAsync(meeting);
        await page.GetByTestId("quick-finish").ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        Assert.Contains((await EntryAsync(meeting)).InteractionTemplateCode, new[] { "INHOUSE", "ONSITE" });

        await page.GetByTestId("quick-log-email").ClickAsync();
        await Expect(input).ToHaveValueAsync("Emails");
        await input.FillAsync(email);
        var comment = page.GetByTestId("quick-comments").Locator("textarea").First;
        await comment.FillAsync("Asked for a call back");
        await comment.PressAsync("Control+Enter");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        var logged = await EntryAsync(email);
        Assert.Equal("EMAIL", logged.InteractionTemplateCode);
        var comments = await browser.App.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().InteractionLogEntryComments.AsNoTracking()
            .Where(c => c.EntryNo == logged.EntryNo).Select(c => c.Comment).ToListAsync());
        Assert.Equal(["Asked for a call back"], comments);
    }

    [BrowserFact]
    public async Task A_required_field_left_empty_says_so_at_the_field_and_Finish_stays_disabled_and_Esc_closes_without_logging()
    {
        var contact = await NewContactAsync("Quick Empty");
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/contacts/{contact}");
        await page.GetByTestId("quick-log-call").ClickAsync();
        var input = page.GetByTestId("quick-description").Locator("input");
        await Expect(input).ToHaveValueAsync("Outgoing phone call");
        var finish = page.GetByTestId("quick-finish");
        await Expect(finish).ToBeEnabledAsync();

        await input.FillAsync("");
        await Expect(page.GetByTestId("quick-description")).ToContainTextAsync("Description is mandatory.");
        await Expect(finish).ToBeDisabledAsync();
        await input.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(1);

        var typed = $"Never logged {Unique.Code("X")}";
        await input.FillAsync(typed);
        await Expect(finish).ToBeEnabledAsync();
        await input.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        Assert.Equal(0, await browser.App.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().InteractionLogEntries.AsNoTracking()
            .CountAsync(e => e.ContactNo == contact)));
    }

    [BrowserFact]
    public async Task Without_an_E_Mails_template_in_the_setup_the_dialog_opens_with_the_picker_empty_says_what_to_set_up_and_logs_with_the_template_picked()
    {
        var contact = await NewContactAsync("Quick Unset");
        var description = $"Mail without setup {Unique.Code("U")}";
        var admin = await browser.App.ClientAsync(Roles.Admin);
        await admin.PatchAsJsonAsync("/api/v1/interactionTemplateSetup", new { emails = (string?)null }).SucceededAsync();
        try
        {
            var page = await browser.SignedInPageAsync();
            await page.OpenAsync($"/contacts/{contact}");
            await page.GetByTestId("quick-log-email").ClickAsync();
            await Expect(page.GetByTestId("quick-not-set-up")).ToContainTextAsync("No template for e-mails is set up");
            await Expect(page.GetByTestId("quick-not-set-up").GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", "/setup/interactionTemplateSetup");
            await Expect(page.GetByTestId("quick-template").Locator("input")).ToHaveValueAsync("");
            await Expect(page.GetByTestId("quick-finish")).ToBeDisabledAsync();

            await page.PickTemplateAsync("quick-template", "Emails");
            var input = page.GetByTestId("quick-description").Locator("input");
            await Expect(input).ToHaveValueAsync("Emails");
            await input.FillAsync(description);
            await input.PressAsync("Enter");
            await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
            Assert.Equal("EMAIL", (await EntryAsync(description)).InteractionTemplateCode);
        }
        finally
        {
            await admin.PatchAsJsonAsync("/api/v1/interactionTemplateSetup", new { emails = "EMAIL" }).SucceededAsync();
        }
    }

    [BrowserFact]
    public async Task Make_Phone_Call_from_the_mobile_numbers_button_logs_the_call_with_that_number_and_a_blank_number_is_refused_at_the_field()
    {
        var contact = await NewContactAsync("Quick Dialer");
        var description = $"Called the mobile {Unique.Code("P")}";
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/contacts/{contact}");
        await page.GetByTestId("contact-mobile-phone-no-phone-call").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{contact}/phoneCall\\?via=mobile$"));
        await page.WaitForInteractiveAsync();
        var via = page.GetByTestId("phone-call-via").Locator("input");
        await Expect(via).ToHaveValueAsync(Mobile);
        await Expect(page.GetByTestId("phone-call-dial")).ToHaveAttributeAsync("href", "tel:+31612345678");
        await Expect(page.GetByTestId("quick-description").Locator("input")).ToHaveValueAsync("Outgoing phone call");

        // Another number, left blank: BC's message at the field, nothing logged.
        await page.GetByTestId("phone-call-via-other").Locator("input").CheckAsync();
        await Expect(via).ToHaveValueAsync("");
        await Expect(page.GetByTestId("phone-call-dial")).ToHaveCountAsync(0);
        await page.GetByTestId("phone-call-finish").ClickAsync();
        await Expect(page.GetByTestId("phone-call-via")).ToContainTextAsync("You must fill in the phone number.");

        await page.GetByTestId("phone-call-via-mobile").Locator("input").CheckAsync();
        await Expect(via).ToHaveValueAsync(Mobile);
        await page.GetByTestId("quick-description").Locator("input").FillAsync(description);
        await page.GetByTestId("quick-attempt-failed").Locator("input").CheckAsync();
        await page.GetByTestId("phone-call-finish").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{contact}$"));
        await Expect(page.Snackbar("was logged")).ToBeVisibleAsync();
        var entry = await EntryAsync(description);
        Assert.Equal((Mobile, "OUTGOING", true, CorrespondenceType.None), (entry.ContactVia, entry.InteractionTemplateCode, entry.AttemptFailed, entry.CorrespondenceType));
        Assert.Equal(1, await browser.App.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().InteractionLogEntries.AsNoTracking()
            .CountAsync(e => e.ContactNo == contact)));
    }

    [BrowserFact]
    public async Task The_card_and_the_list_link_phone_numbers_to_tel_and_the_e_mail_address_to_mailto()
    {
        var name = $"Quick Linked {Unique.Code("K")}";
        var contact = await NewContactAsync(name);
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/contacts/{contact}");
        await Expect(page.GetByTestId("contact-phone-no-link")).ToHaveAttributeAsync("href", "tel:+31201234567");
        await Expect(page.GetByTestId("contact-mobile-phone-no-link")).ToHaveAttributeAsync("href", "tel:+31612345678");
        await Expect(page.GetByTestId("contact-email-link")).ToHaveAttributeAsync("href", $"mailto:{EmailOf(contact)}");
        await Expect(page.GetByTestId("contact-phone-no-phone-call")).ToHaveAttributeAsync("href", $"/contacts/{contact}/phoneCall?via=phone");
        // The field stays editable, and the link follows it once the field is left.
        await page.GetByTestId("contact-phone-no").Locator("input").FillAsync("020 765 4321");
        await page.GetByTestId("contact-phone-no").Locator("input").PressAsync("Tab");
        await Expect(page.GetByTestId("contact-phone-no-link")).ToHaveAttributeAsync("href", "tel:0207654321");

        await page.OpenAsync("/contacts");
        await page.GetByTestId("contacts-search").Locator("input").FillAsync(name);
        var row = page.GetByTestId("contacts-table").Locator("tbody tr").Filter(new() { HasText = name });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row.GetByTestId("contact-list-phone")).ToHaveAttributeAsync("href", "tel:+31201234567");
        await Expect(row.GetByTestId("contact-list-phone")).ToHaveTextAsync(Phone);
        await Expect(row.GetByTestId("contact-list-email")).ToHaveAttributeAsync("href", $"mailto:{EmailOf(contact)}");
    }

    [BrowserFact]
    public async Task On_a_phone_the_quick_actions_are_in_the_headers_menu_and_the_header_fits_the_screen()
    {
        var contact = await NewContactAsync("Quick Phone");
        var page = await browser.SignedInPageAsync();
        await page.SetViewportSizeAsync(390, 844);
        await page.OpenAsync($"/contacts/{contact}");
        await Expect(page.GetByTestId("quick-log-call")).ToBeHiddenAsync();
        await page.GetByTestId("quick-log-menu").GetByRole(AriaRole.Button).First.ClickAsync();
        foreach (var item in new[] { "Log call", "Log meeting", "Log e-mail", "Make Phone Call" })
        {
            await Expect(page.GetByRole(AriaRole.Menuitem, new() { Name = item })).ToBeVisibleAsync();
        }
        await page.GetByTestId("quick-log-menu-call").ClickAsync();
        await Expect(page.GetByTestId("quick-description").Locator("input")).ToHaveValueAsync("Outgoing phone call");
        var finish = page.GetByTestId("quick-finish");
        await Expect(finish).ToBeInViewportAsync();
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), "The page is wider than the phone's screen.");
    }

    private static string EmailOf(string contact) => $"{contact.ToLowerInvariant()}@quick.example";

    private async Task<string> NewContactAsync(string name)
    {
        var client = await browser.App.ClientAsync(Roles.Admin);
        var response = await client.PostAsJsonAsync("/api/v1/contacts", new { type = "company", name, salespersonCode = "JR" }).SucceededAsync();
        var no = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("no").GetString()!;
        await client.PatchAsJsonAsync($"/api/v1/contacts/{no}", new { phoneNo = Phone, mobilePhoneNo = Mobile, email = EmailOf(no) }).SucceededAsync();
        return no;
    }

    private Task<Core.Interactions.InteractionLogEntry> EntryAsync(string description) =>
        browser.App.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().InteractionLogEntries.AsNoTracking().SingleAsync(e => e.Description == description));
}
