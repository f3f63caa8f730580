using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>
/// The content security policy is strict (no inline or foreign scripts): every page of the app, signed in as an admin on
/// the demo company, must work under it, and the sign-in page must lay out its fields one under another.
/// </summary>
public sealed class SecurityPolicyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly string[] Pages =
    [
        "/", "/contacts", "/contacts/new", "/salespeople", "/salespeople/new", "/campaigns", "/campaigns/new", "/opportunities",
        "/opportunities/new", "/interactionLogEntries", "/interactions/new", "/interactions/statistics", "/postponedInteractions",
        "/segments", "/segments/new", "/loggedSegments", "/coverSheets/print", "/setup/interactionGroups",
        "/setup/interactionTemplates", "/setup/interactionTemplates/new", "/setup/interactionTemplateSetup", "/setup/noseries",
        "/setup/users", "/setup/auditTrail", "/account/me", "/account/denied",
    ];

    [BrowserFact]
    public async Task Every_page_works_under_the_content_security_policy()
    {
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var contact = await FirstAsync(admin, "contacts", "no");
        var cards = new List<string>
        {
            "/contacts/" + contact,
            $"/contacts/{contact}/phoneCall",
            "/salespeople/" + await FirstAsync(admin, "salespeople", "code"),
            "/campaigns/" + await FirstAsync(admin, "campaigns", "no"),
            "/opportunities/" + await FirstAsync(admin, "opportunities", "no"),
            "/setup/interactionTemplates/" + await FirstAsync(admin, "interactionTemplates", "code"),
        };
        if (await FirstAsync(admin, "segments", "no", required: false) is { } segment)
        {
            cards.Add("/segments/" + segment);
        }
        cards.Add("/interactionLogEntries/" + await FirstAsync(admin, "interactionLogEntries", "entryNo"));
        if (await FirstAsync(admin, "postponedInteractions", "entryNo", required: false) is { } postponed)
        {
            cards.Add($"/postponedInteractions/{postponed}/resume");
        }

        var page = await browser.NewPageAsync();
        // Every refusal is reported to the page as an event; the watcher makes it a console error the test sees.
        await page.Context.AddInitScriptAsync("""
            document.addEventListener('securitypolicyviolation', e =>
                console.error('Content Security Policy violation: ' + e.violatedDirective + ' ' + e.blockedURI));
            """);
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            // A policy refusal, or any other error a page writes to the console (a failed script, a Blazor exception).
            if (message.Type == "error" || message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                violations.Add($"{page.Url}: {message.Text}");
            }
        };
        page.PageError += (_, error) => violations.Add($"{page.Url}: {error}");
        await page.GotoAsync("/account/login");
        await page.SignInAsync();
        foreach (var path in Pages.Concat(cards))
        {
            await page.OpenAsync(path);
            // Give MudBlazor's scripts and styles time to run once the circuit is up.
            await page.WaitForTimeoutAsync(300);
        }
        // The API reference (not a Blazor page): its own, looser policy must still carry it.
        await page.GotoAsync("/scalar/v1");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.GotoAsync("/account/login");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

        // The watcher sees a refusal: a foreign image is one.
        await page.EvaluateAsync("() => { const i = document.createElement('img'); i.src = 'https://example.invalid/x.png'; document.body.appendChild(i); }");
        await page.WaitForTimeoutAsync(300);
        Assert.Contains(violations, v => v.Contains("img-src", StringComparison.Ordinal));
    }

    public static TheoryData<string, int, int> Layouts => new()
    {
        { "en", 1366, 900 }, { "en", 390, 844 }, { "nl", 1366, 900 }, { "nl", 390, 844 }, { "sv", 390, 844 }, { "ru", 390, 844 },
    };

    [BrowserTheory]
    [MemberData(nameof(Layouts))]
    public async Task The_sign_in_page_puts_each_label_above_its_field_and_offers_the_languages(string language, int width, int height)
    {
        var page = await browser.NewPageAsync();
        await page.SetViewportSizeAsync(width, height);
        await page.GotoAsync("/account/login");
        if (language != "en")
        {
            await page.GetByTestId($"language-{language}").ClickAsync();
            await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        }
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login$"));
        var emailLabel = await page.Locator("label[for=email]").BoxAsync();
        var email = await page.Locator("#email").BoxAsync();
        var passwordLabel = await page.Locator("label[for=password]").BoxAsync();
        var password = await page.Locator("#password").BoxAsync();
        Assert.True(email.Y >= emailLabel.Y + emailLabel.Height - 1, "The e-mail field is beside its label, not below it.");
        Assert.True(passwordLabel.Y >= email.Y + email.Height - 1, "The password label is beside the e-mail field, not below it.");
        Assert.True(password.Y >= passwordLabel.Y + passwordLabel.Height - 1, "The password field is beside its label.");
        Assert.True(email.X + email.Width <= width, "The e-mail field runs off the screen.");
        if (Environment.GetEnvironmentVariable("TOUCHPOINT_SCREENSHOTS") is { Length: > 0 } folder)
        {
            await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"signin-{language}-{width}.png"), FullPage = true });
        }
    }

    private static async Task<string?> FirstAsync(HttpClient admin, string list, string key, bool required = true)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/v1/{list}?limit=1");
        var first = page.GetProperty("value").EnumerateArray().FirstOrDefault();
        return first.ValueKind == JsonValueKind.Object ? Uri.EscapeDataString(first.GetProperty(key).ToString())
            : required ? throw new InvalidOperationException($"The demo company has no {list}.") : null;
    }
}
