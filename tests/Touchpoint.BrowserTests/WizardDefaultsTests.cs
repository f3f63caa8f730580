using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using Touchpoint.Core.Opportunities;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>What the Create Interaction wizard fills in for the user: the correspondence type (rule 15) and the opportunity look-up (rule 18).</summary>
public sealed class WizardDefaultsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    // Demo contacts: a person who prefers e-mail, and one at a company that prefers hard copy (salesperson LM).
    private const string EmailPerson = "CT000002";
    private const string HardCopyPerson = "CT000006";
    private const string HardCopyCompany = "CT000005";

    [BrowserFact]
    public async Task Choosing_a_template_preselects_the_contacts_correspondence_type_unless_the_template_ignores_it_and_the_user_may_change_it()
    {
        var description = $"Call by letter {Unique.Code("Wt")}";
        // A call template with no type of its own that follows the contact's (the demo's own ignore it).
        var call = $"Call {Unique.Code("Wc")}";
        await (await browser.App.ClientAsync(Roles.Admin)).CreateTemplateAsync(call, "none");
        var page = await browser.SignedInPageAsync();
        await page.StartInteractionFromContactCardAsync(EmailPerson);
        var type = page.GetByTestId("wizard-correspondence-type").Locator("input").First;

        // The template has no type of its own: the contact's e-mail.
        await page.ChooseTemplateAsync(call);
        await Expect(type).ToHaveValueAsync("Email");
        // The business letter ignores the contact's type: its own hard copy.
        await page.PickTemplateAsync("wizard-template", "Business Letter");
        await Expect(type).ToHaveValueAsync("Hard Copy");
        await page.PickTemplateAsync("wizard-template", call);
        await Expect(type).ToHaveValueAsync("Email");

        // E-mail needs an attachment the template lacks (rule 19); the user changes the type and goes on.
        await page.GetByTestId("wizard-next").ClickAsync();
        await Expect(page.GetByTestId("wizard-correspondence-type")).ToContainTextAsync("The correspondence type for this interaction is Email");
        await page.ChooseAsync("wizard-correspondence-type", "Hard Copy");
        await page.DescribeInteractionAsync(description);
        await page.FinishWizardAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{EmailPerson}$"));
        var logged = await browser.App.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().InteractionLogEntries.AsNoTracking()
            .Where(e => e.Description == description).Select(e => e.CorrespondenceType).SingleAsync());
        Assert.Equal(CorrespondenceType.HardCopy, logged);
    }

    [BrowserFact]
    public async Task The_opportunity_look_up_searches_all_open_opportunities_of_the_company_and_finds_the_150th()
    {
        var tag = Unique.Code("WO");
        var description = $"Call about an order {tag}";
        // Another company's open opportunities come first by number: more than a first page of the whole table.
        await AddOpportunitiesAsync($"OA{tag}", 120, "CT000002", "CT000001", "JR");
        await AddOpportunitiesAsync($"OZ{tag}", 150, HardCopyPerson, HardCopyCompany, "LM");

        var page = await browser.SignedInPageAsync();
        await page.StartInteractionFromContactCardAsync(HardCopyPerson);
        await page.ChooseTemplateAsync("Outgoing phone call");
        await page.DescribeInteractionAsync(description);
        await page.GetByTestId("wizard-next").ClickAsync();
        await Expect(page.GetByTestId("wizard-step-title")).ToHaveTextAsync("What is the interaction related to?");

        var input = page.GetByTestId("wizard-opportunity").Locator("input");
        var options = page.Locator(".mud-popover-open .mud-list-item");
        await input.ClickAsync();
        await input.PressSequentiallyAsync($"Order {tag}");
        await Expect(options.Filter(new() { HasText = $"OZ{tag}001" })).ToHaveCountAsync(1);
        await Expect(options.Filter(new() { HasText = $"OA{tag}" })).ToHaveCountAsync(0);

        await input.FillAsync($"Order {tag} 150");
        var wanted = options.Filter(new() { HasText = $"OZ{tag}150" });
        await Expect(wanted).ToHaveCountAsync(1);
        await wanted.ClickAsync();
        await Expect(input).ToHaveValueAsync(new Regex($"^OZ{tag}150"));
        await page.FinishWizardAsync();

        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{HardCopyPerson}$"));
        var opportunity = await browser.App.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().InteractionLogEntries.AsNoTracking()
            .Where(e => e.Description == description).Select(e => e.OpportunityNo).SingleAsync());
        Assert.Equal($"OZ{tag}150", opportunity);
    }

    private Task<int> AddOpportunitiesAsync(string prefix, int count, string contactNo, string companyNo, string salesperson) =>
        browser.App.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<ITouchpointDb>();
            for (var i = 1; i <= count; i++)
            {
                var o = Opportunity.Create($"{prefix}{i:D3}", new DateOnly(2026, 1, 5), new OpportunityFields
                {
                    Description = $"Order {prefix[2..]} {i:D3}", ContactNo = contactNo, SalespersonCode = salesperson, Closed = false,
                }, new FieldErrors());
                o.SetContactCompany(companyNo);
                db.Opportunities.Add(o);
            }
            return db.SaveChangesAsync();
        });
}
