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
        await page.GetByTestId("user-menu").ClickAsync();
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
        await page.GetByTestId("user-menu").ClickAsync();
        await page.GetByTestId("language-nl").ClickAsync();
        // The language is set by a full page load: wait for the new page's circuit, not the old one's.
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "nl");
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("nav-contacts")).ToContainTextAsync("Contactpersonen");
        await page.GetByTestId("user-menu").ClickAsync();
        await Expect(page.GetByTestId("sign-out")).ToContainTextAsync("Afmelden");
        await Expect(page.GetByTestId("language-nl")).ToHaveAttributeAsync("aria-current", "true");

        await page.GotoAsync("/");
        await Expect(page.GetByTestId("nav-contacts")).ToContainTextAsync("Contactpersonen");
    }

    [BrowserFact]
    public async Task A_system_set_to_reduce_motion_gets_no_animations()
    {
        // The fixture's pages ask for reduced motion; a page that does not gets MudBlazor's own transitions.
        var page = await browser.SignedInPageAsync();
        const string Duration = "getComputedStyle(document.querySelector('[data-testid=user-menu]')).transitionDuration";
        Assert.All((await page.EvaluateAsync<string>(Duration)).Split(','), d => Assert.True(double.Parse(d.Trim().TrimEnd('s'),
            System.Globalization.CultureInfo.InvariantCulture) < 0.001, $"transition {d} with reduced motion"));

        await page.EmulateMediaAsync(new() { ReducedMotion = ReducedMotion.NoPreference });
        Assert.Contains((await page.EvaluateAsync<string>(Duration)).Split(','), d => double.Parse(d.Trim().TrimEnd('s'),
            System.Globalization.CultureInfo.InvariantCulture) >= 0.1);
    }
}

public sealed class ApiReferenceTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserFact]
    public async Task The_API_reference_loads_nothing_from_the_internet()
    {
        var page = await browser.SignedInPageAsync();
        var foreign = new List<string>();
        page.Request += (_, request) =>
        {
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && url.Scheme.StartsWith("http", StringComparison.Ordinal)
                && url.Authority != browser.BaseAddress.Authority)
            {
                foreign.Add(request.Url);
            }
        };
        await page.GotoAsync("/scalar/v1");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Expect(page.Locator("body")).ToContainTextAsync("Contacts");
        Assert.True(foreign.Count == 0, "Loaded from elsewhere: " + string.Join(", ", foreign));
    }
}

public sealed class NotificationTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [BrowserTheory]
    [InlineData(1440, 900)]
    [InlineData(390, 844)]
    public async Task Saving_a_card_three_times_shows_one_notification_at_the_bottom_clear_of_the_cards_buttons(int width, int height)
    {
        var admin = await browser.App.ClientAsync(Touchpoint.Core.Common.Roles.Admin);
        using var contacts = System.Text.Json.JsonDocument.Parse(await admin.GetStringAsync("/api/v1/contacts?limit=1"));
        var no = contacts.RootElement.GetProperty("value")[0].GetProperty("no").GetString();
        var page = await browser.SignedInPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.OpenAsync($"/contacts/{no}");
        var save = page.GetByTestId("contact-save");
        var notifications = page.Locator(".mud-snackbar");
        for (var i = 0; i < 3; i++)
        {
            await save.ClickAsync();
            await Expect(notifications.Filter(new() { HasText = $"Contact {no} was saved." })).ToBeVisibleAsync();
        }
        await Expect(notifications).ToHaveCountAsync(1);
        // The replaced notification leaves with a short animation: measure the one that stays once it stands still.
        await page.WaitForTimeoutAsync(500);
        var shown = await notifications.BoundingBoxAsync();
        Assert.NotNull(shown);
        var button = (await save.BoundingBoxAsync())!;
        Assert.True(shown.Y > height / 2, $"The notification is at y={shown.Y}, not in the lower half of a {height} px window.");
        Assert.True(shown.Y >= button.Y + button.Height, "The notification covers the Save button.");
    }
}
