using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>The Interaction Statistics page and the statistics on a card, on the demo company.</summary>
public sealed class InteractionStatisticsTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Person = "CT000002";

    // The demo company's interactions are of the last twelve months: each test logs the ones it counts through the API, in
    // years before the demo's, or with a template of its own.
    private async Task LogAsync(string template, DateOnly date, decimal cost, decimal duration)
    {
        var client = await browser.App.ClientAsync(Roles.Sales);
        await client.LogInteractionAsync(Person, template, date: date, cost: cost, duration: duration);
    }

    private static async Task SetDateAsync(IPage page, string testId, DateOnly date)
    {
        var input = page.GetByTestId(testId).Locator("input");
        await input.FillAsync(date.ToString("M/d/yyyy", CultureInfo.InvariantCulture));
        await input.PressAsync("Tab");
    }

    [BrowserFact]
    public async Task A_user_sees_the_interactions_by_month_group_and_template_and_narrows_the_period()
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        await LogAsync("OUTGOING", today.AddDays(-3), 1m, 15m);
        await LogAsync("OUTGOING", today.AddDays(-3), 1m, 15m);
        await LogAsync("INHOUSE", today.AddDays(-40), 25m, 120m);
        await LogAsync("OUTGOING", new DateOnly(2019, 3, 10), 12.5m, 10m);
        await LogAsync("OUTGOING", new DateOnly(2019, 3, 12), 12.5m, 10m);
        await LogAsync("BUS", new DateOnly(2019, 5, 20), 8m, 30m);

        var page = await browser.SignedInPageAsync();
        await page.GetByTestId("nav-interaction-statistics").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/interactions/statistics$"));
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("list-title")).ToHaveTextAsync("Interaction Statistics");

        // The last twelve months by default: three charts, each with its figures.
        foreach (var chart in new[] { "statistics-by-month-chart", "statistics-by-group-chart", "statistics-by-template-chart" })
        {
            await Expect(page.GetByTestId(chart).Locator("svg").First).ToBeVisibleAsync();
        }
        await Expect(page.GetByTestId("statistics-group-PHONE")).ToContainTextAsync(new Regex(@"Telephone conversations\s*[1-9]"));
        await Expect(page.GetByTestId("statistics-template-INHOUSE")).ToContainTextAsync("Meeting at our place");
        await Expect(page.GetByTestId("statistics-month-table")).Not.ToContainTextAsync("2019");
        await Expect(page.GetByTestId("statistics-total-no-of-interactions")).ToHaveTextAsync(new Regex("^[1-9]"));

        // The year 2019: only its interactions, its months from January to December.
        await SetDateAsync(page, "statistics-date-from", new DateOnly(2019, 1, 1));
        await SetDateAsync(page, "statistics-date-to", new DateOnly(2019, 12, 31));
        var march = page.GetByTestId("statistics-month-2019-03");
        await Expect(march).ToContainTextAsync("March 2019");
        await Expect(march.Locator("td")).ToHaveTextAsync(["2", "25.00", "20"]);
        await Expect(page.GetByTestId("statistics-month-2019-04").Locator("td")).ToHaveTextAsync(["0", "0.00", "0"]);
        await Expect(page.GetByTestId("statistics-month-table").Locator("tbody tr")).ToHaveCountAsync(12);
        await Expect(page.GetByTestId("statistics-total-no-of-interactions")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("statistics-group-PHONE").Locator("td")).ToHaveTextAsync(["Telephone conversations", "2", "25.00", "20"]);
        await Expect(page.GetByTestId("statistics-template-BUS").Locator("td")).ToHaveTextAsync(["Business Letter", "LETTER", "1", "8.00", "30"]);
        await Expect(page.GetByTestId("statistics-template-INHOUSE")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("statistics-by-template-chart").Locator("svg").First).ToBeVisibleAsync();

        // The month chart switches to the cost.
        var measure = page.GetByTestId("statistics-month-measure").GetByRole(AriaRole.Combobox, new() { Name = "Chart shows" });
        await Expect(measure).ToHaveValueAsync("No. of Interactions");
        await page.GetByTestId("statistics-month-measure").Locator(".mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Cost (LCY)" }).ClickAsync();
        await Expect(measure).ToHaveValueAsync("Cost (LCY)");
        await Expect(page.GetByTestId("statistics-by-month-chart").Locator("svg").First).ToBeVisibleAsync();

        // A period without interactions says so; a starting date after the ending date is refused at the ending date.
        await SetDateAsync(page, "statistics-date-from", new DateOnly(2019, 6, 1));
        await Expect(page.GetByTestId("statistics-empty")).ToBeVisibleAsync();
        await SetDateAsync(page, "statistics-date-from", new DateOnly(2020, 1, 1));
        await Expect(page.GetByTestId("statistics-date-to")).ToContainTextAsync("The ending date must not be before the starting date.");
    }

    [BrowserFact]
    public async Task A_template_card_shows_the_templates_statistics_for_this_year_and_in_total()
    {
        var template = await (await browser.App.ClientAsync(Roles.Admin)).CreateTemplateAsync($"Site visit {Touchpoint.TestKit.Unique.Code("Sv")}", "hardCopy");
        await LogAsync(template, DateOnly.FromDateTime(DateTime.Today), 45m, 180m);
        await LogAsync(template, new DateOnly(2018, 6, 1), 45m, 180m);

        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/setup/interactionTemplates/{template}");
        var statistics = page.GetByTestId("statistics-factbox");
        await Expect(statistics.GetByTestId("statistics-no-of-interactions-this-year")).ToHaveTextAsync("1");
        await Expect(statistics.GetByTestId("statistics-no-of-interactions-total")).ToHaveTextAsync("2");
        await Expect(statistics.GetByTestId("statistics-cost-total")).ToHaveTextAsync("90.00");
        await Expect(statistics.GetByTestId("statistics-duration-total")).ToHaveTextAsync("360");

        // Not on a new template.
        await page.OpenAsync("/setup/interactionTemplates/new");
        await Expect(page.GetByTestId("template-code")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("statistics-factbox")).ToHaveCountAsync(0);
    }

    [BrowserFact]
    public async Task Each_number_of_interactions_opens_the_entries_it_counts_and_canceled_ones_are_left_out()
    {
        // A year of its own (2018) with a group of its own: two live PHONE calls in March, one canceled, one meeting.
        await LogAsync("OUTGOING", new DateOnly(2018, 3, 5), 1m, 15m);
        await LogAsync("INCOME", new DateOnly(2018, 3, 9), 0m, 15m);
        await LogAsync("INHOUSE", new DateOnly(2018, 4, 2), 25m, 120m);
        var client = await browser.App.ClientAsync(Roles.Sales);
        var canceled = (await client.LogInteractionAsync(Person, "OUTGOING", date: new DateOnly(2018, 3, 20), cost: 1m, duration: 15m)).GetProperty("entryNo").GetInt64();
        (await client.PostAsync($"/api/v1/interactionLogEntries/{canceled}/cancel", null)).EnsureSuccessStatusCode();

        var page = await browser.SignedInPageAsync();
        await page.OpenAsync("/interactions/statistics");
        await SetDateAsync(page, "statistics-date-from", new DateOnly(2018, 1, 1));
        await SetDateAsync(page, "statistics-date-to", new DateOnly(2018, 12, 31));
        var phone = page.GetByTestId("statistics-group-link-PHONE");
        await Expect(phone).ToHaveTextAsync("2");

        await phone.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/interactionLogEntries\\?canceled=false&interactionGroupCode=PHONE&dateFrom=2018-01-01&dateTo=2018-12-31$"));
        await page.WaitForInteractiveAsync();
        await Expect(page.GetByTestId("log-group-filter")).ToContainTextAsync("Interaction group PHONE");
        var rows = page.GetByTestId("log-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("log-date-from").Locator("input")).ToHaveValueAsync("1/1/2018");

        // A month's number: the entries of that month only.
        await page.GoBackAsync();
        await page.WaitForInteractiveAsync();
        await SetDateAsync(page, "statistics-date-from", new DateOnly(2018, 1, 1));
        await SetDateAsync(page, "statistics-date-to", new DateOnly(2018, 12, 31));
        await page.GetByTestId("statistics-month-link-2018-04").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("dateFrom=2018-04-01&dateTo=2018-04-30$"));
        await Expect(page.GetByTestId("log-table").Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("log-table").Locator("tbody tr")).ToContainTextAsync("Meeting at our place");
    }
}
