using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

public sealed class ShellTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_user_signs_in_and_out()
    {
        var page = await browser.SignedInPageAsync();
        await Expect(page.GetByTestId("nav-contacts")).ToBeVisibleAsync();
        await page.GetByTestId("sign-out").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        // Signed out means signed out: the list is not reachable any more.
        await page.GotoAsync("/contacts");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
    }

    [BrowserFact]
    public async Task A_wrong_password_shows_a_message_and_keeps_the_user_out()
    {
        var page = await browser.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.Locator("#email").FillAsync(Touchpoint.TestKit.TouchpointApp.AdminEmail);
        await page.Locator("#password").FillAsync("not-the-password");
        await page.GetByTestId("signin-submit").ClickAsync();
        await Expect(page.GetByTestId("signin-error")).ToBeVisibleAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
    }

    [BrowserFact]
    public async Task Switching_the_language_to_Dutch_shows_Dutch_labels_and_is_remembered()
    {
        var page = await browser.SignedInPageAsync();
        await Expect(page.GetByTestId("nav-contacts")).ToContainTextAsync("Contacts");
        await page.GetByTestId("language-picker").Locator("button").First.ClickAsync();
        await page.GetByTestId("language-nl").ClickAsync();
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("nav-contacts")).ToContainTextAsync("Contactpersonen");
        await Expect(page.GetByTestId("sign-out")).ToContainTextAsync("Afmelden");

        await page.GotoAsync("/");
        await Expect(page.GetByTestId("nav-contacts")).ToContainTextAsync("Contactpersonen");
    }
}
