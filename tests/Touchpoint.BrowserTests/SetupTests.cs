using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

public sealed class SetupTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task An_admin_changes_the_contact_number_prefix_and_the_next_contact_gets_it()
    {
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync("/setup/noseries");
        await page.GetByTestId("noseries-edit-CONTACT").ClickAsync();
        var prefix = page.GetByTestId("noseries-table").Locator("input").First;
        await prefix.FillAsync("kt");
        await prefix.PressAsync("Enter");
        await Expect(page.GetByTestId("noseries-table")).ToContainTextAsync("KT000801");

        await page.OpenAsync("/contacts/new");
        await page.GetByTestId("contact-name").Locator("input").FillAsync("Prefix Test Company");
        await page.GetByTestId("contact-save").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/contacts/KT000801$"));
    }

    [BrowserFact]
    public async Task A_viewer_is_not_shown_setup_and_is_turned_away_from_it()
    {
        await browser.App.ClientAsync(Roles.Viewer); // creates viewer@test.local
        var page = await browser.SignedInPageAsync("viewer@test.local", Touchpoint.TestKit.TouchpointApp.Password);
        await Expect(page.GetByTestId("nav-noseries")).ToHaveCountAsync(0);
        await page.GotoAsync("/setup/noseries");
        await Expect(page).ToHaveURLAsync(new Regex("/account/denied"));
    }
}
