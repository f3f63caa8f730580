using Microsoft.Playwright;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>What a person does often: sign in, open a page, wait until the page answers clicks.</summary>
internal static class Steps
{
    public static async Task SignInAsync(this IPage page, string email = TouchpointApp.AdminEmail, string password = TouchpointApp.AdminPassword)
    {
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.GetByTestId("signin-submit").ClickAsync();
        await page.WaitForInteractiveAsync();
    }

    public static async Task OpenAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }

    /// <summary>
    /// Pages are pre-rendered, then become interactive when the Blazor circuit connects; clicks before that do
    /// nothing. The layout marks the moment with data-testid="circuit-ready".
    /// </summary>
    public static async Task WaitForInteractiveAsync(this IPage page) =>
        await page.GetByTestId("circuit-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>An action of the card's "more" menu (the seldom used ones, and on a phone those that do not fit the bar).</summary>
    public static async Task ChooseCardActionAsync(this IPage page, string testId)
    {
        await page.GetByTestId("card-more").GetByRole(AriaRole.Button).ClickAsync();
        await page.GetByTestId(testId).ClickAsync();
    }

    /// <summary>Where an element is on the screen; a test fails here when it is not shown.</summary>
    public static async Task<LocatorBoundingBoxResult> BoxAsync(this ILocator locator) =>
        await locator.BoundingBoxAsync() ?? throw new InvalidOperationException($"{locator} is not shown.");
}
