using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>Rule 21: the notification that offers an opportunity once the Create Interaction wizard is finished.</summary>
public sealed class WizardOpportunityTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // A demo person who prefers hard copy: one who prefers e-mail would need templates with an attachment (rules 15, 19).
    private const string Person = "CT000006";

    [BrowserFact]
    public async Task After_the_wizard_a_user_accepts_the_notification_and_the_entry_gets_a_new_opportunity()
    {
        var description = $"Call about desks {Unique.Code("Wo")}";
        var page = await browser.SignedInPageAsync();
        await page.StartInteractionFromContactCardAsync(Person);
        await page.LogInWizardAsync("Outgoing phone call", description);

        // The wizard has gone on to the contact card; the notification came along.
        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{Person}$"));
        var notification = page.Locator(".mud-snackbar").Filter(new() { HasText = "Do you want to create an opportunity?" });
        await Expect(notification).ToHaveCountAsync(1);
        Assert.Null(await OpportunityOfAsync(description));
        await notification.GetByRole(AriaRole.Button, new() { Name = "Create opportunity" }).ClickAsync();

        var created = page.GetByTestId("wizard-opportunity-created");
        await Expect(created).ToContainTextAsync(new Regex("^Opportunity .+ was created\\.$"));
        var opportunityNo = await OpportunityOfAsync(description);
        Assert.NotNull(opportunityNo);
        await Expect(created).ToHaveTextAsync($"Opportunity {opportunityNo} was created.");
        await Expect(notification).ToHaveCountAsync(0);

        await created.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/opportunities/{Regex.Escape(opportunityNo)}$"));
        await Expect(page.GetByTestId("card-title")).ToContainTextAsync(opportunityNo);
    }

    [BrowserFact]
    public async Task Closing_the_notification_creates_no_opportunity()
    {
        var description = $"Call without a deal {Unique.Code("Wn")}";
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/interactions/new?contactNo={Person}");
        await page.LogInWizardAsync("Outgoing phone call", description);

        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{Person}$"));
        var notification = page.Locator(".mud-snackbar").Filter(new() { HasText = "Do you want to create an opportunity?" });
        await notification.Locator(".mud-snackbar-close-button").ClickAsync();
        await Expect(notification).ToHaveCountAsync(0);
        Assert.True(await EntryExistsAsync(description));
        Assert.Null(await OpportunityOfAsync(description));
    }

    private Task<string?> OpportunityOfAsync(string description) =>
        browser.App.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().InteractionLogEntries.AsNoTracking()
            .Where(e => e.Description == description).Select(e => e.OpportunityNo).SingleAsync());

    private Task<bool> EntryExistsAsync(string description) =>
        browser.App.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().InteractionLogEntries.AnyAsync(e => e.Description == description));
}
