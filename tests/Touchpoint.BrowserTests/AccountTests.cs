using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using Touchpoint.Web.Users;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>My account (own password) and the admin's user dialog (reset a password, disable a user).</summary>
public sealed class AccountTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task A_user_changes_their_password_on_My_account_and_signs_in_with_the_new_one()
    {
        var email = await NewUserAsync("me");
        var page = await browser.SignedInPageAsync(email, TouchpointApp.Password);
        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("menu-my-account").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/me$"));
        await page.WaitForInteractiveAsync();

        await page.GetByTestId("account-current-password").Locator("input").FillAsync(TouchpointApp.Password);
        await page.GetByTestId("account-new-password").Locator("input").FillAsync("password12345");
        await page.GetByTestId("account-confirm-password").Locator("input").FillAsync("password12345");
        await page.GetByTestId("account-change-password").ClickAsync();
        await Expect(page.GetByTestId("account-new-password")).ToContainTextAsync("common");

        await page.GetByTestId("account-new-password").Locator("input").FillAsync("Harbour-Lamp-5521");
        await page.GetByTestId("account-confirm-password").Locator("input").FillAsync("Harbour-Lamp-5521");
        await page.GetByTestId("account-change-password").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await page.SignInAsync(email, "Harbour-Lamp-5521");
        await Expect(page.Locator(".tp-user-name")).ToHaveTextAsync(email);
    }

    [BrowserFact]
    public async Task An_admin_resets_a_password_and_disables_the_user_in_the_user_dialog()
    {
        var email = await NewUserAsync("dlg");
        var admin = await browser.SignedInPageAsync();
        await admin.OpenAsync("/setup/users");
        await admin.GetByTestId($"user-roles-{email}").ClickAsync();
        await admin.GetByTestId("user-reset-password").ClickAsync();
        var password = (await admin.GetByTestId("user-new-password-value").InnerTextAsync()).Trim();
        Assert.True(password.Length >= 12);
        await admin.GetByTestId("user-cancel").ClickAsync();

        var user = await browser.SignedInPageAsync(email, password);
        await Expect(user.Locator(".tp-user-name")).ToHaveTextAsync(email);

        await admin.GetByTestId($"user-roles-{email}").ClickAsync();
        await admin.GetByTestId("user-disabled").Locator("label").First.ClickAsync();
        await admin.GetByTestId("user-save").ClickAsync();
        await Expect(admin.GetByTestId($"user-disabled-{email}")).ToBeVisibleAsync();

        // The disabled user's next page load asks to sign in, and signing in is refused.
        await user.ReloadAsync();
        await Expect(user).ToHaveURLAsync(new Regex("/account/login"));
        await user.Locator("#email").FillAsync(email);
        await user.Locator("#password").FillAsync(password);
        await user.GetByTestId("signin-submit").ClickAsync();
        await Expect(user.GetByTestId("signin-error")).ToBeVisibleAsync();
    }

    private async Task<string> NewUserAsync(string prefix)
    {
        var email = $"{Unique.Code(prefix).ToLowerInvariant()}@test.local";
        await browser.App.WithScopeAsync(sp => sp.GetRequiredService<UserAdministration>().CreateAsync(email, TouchpointApp.Password, [Roles.Sales], null, null));
        return email;
    }
}
