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
    private const string Person = "CT000002";
    private const string ResultStepTitle = "What is the result of the interaction?";

    [BrowserFact]
    public async Task After_the_wizard_a_user_accepts_the_notification_and_the_entry_gets_a_new_opportunity()
    {
        var description = $"Call about desks {Unique.Code("Wo")}";
        var page = await browser.NewPageAsync();
        await page.SignInAsync();
        await page.GotoAsync($"/contacts/{Person}");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("contact-create-interaction").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/interactions/new\\?contactNo={Person}$"));
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("wizard-template").Locator(".mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Outgoing phone call" }).ClickAsync();
        await Expect(page.GetByTestId("wizard-description").Locator("input")).ToHaveValueAsync("Outgoing phone call");
        await page.GetByTestId("wizard-description").Locator("input").FillAsync(description);
        await GoToResultStepAsync(page);
        await page.GetByTestId("wizard-finish").ClickAsync();

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
        var page = await browser.NewPageAsync();
        await page.SignInAsync();
        await page.GotoAsync($"/interactions/new?contactNo={Person}");
        await page.WaitForInteractiveAsync();
        await page.GetByTestId("wizard-template").Locator(".mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Outgoing phone call" }).ClickAsync();
        await Expect(page.GetByTestId("wizard-description").Locator("input")).ToHaveValueAsync("Outgoing phone call");
        await page.GetByTestId("wizard-description").Locator("input").FillAsync(description);
        await GoToResultStepAsync(page);
        await page.GetByTestId("wizard-finish").ClickAsync();

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

    /// <summary>Next through the steps (the content step shows only for templates with a wizard action).</summary>
    private static async Task GoToResultStepAsync(IPage page)
    {
        var title = page.GetByTestId("wizard-step-title");
        for (var i = 0; i < 3 && await title.InnerTextAsync() != ResultStepTitle; i++)
        {
            var before = await title.InnerTextAsync();
            await page.GetByTestId("wizard-next").ClickAsync();
            await Expect(title).Not.ToHaveTextAsync(before);
        }
        await Expect(title).ToHaveTextAsync(ResultStepTitle);
    }
}
