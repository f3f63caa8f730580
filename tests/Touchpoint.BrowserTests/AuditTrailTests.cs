using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>
/// The audit trail page (Setup, admins) shows what people did in the pages, with who and when; deleting a contact or a
/// salesperson with history is an administrator's decision, taken in a question that says how much history it touches.
/// </summary>
public sealed class AuditTrailTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string SalesUser = "sales@test.local";
    private const string NoEntries = "No audit entries found.";

    /// <summary>A company of this test's with two interactions of salesperson <paramref name="salesperson"/>; answers its number.</summary>
    private async Task<string> CompanyWithHistoryAsync(string name, string salesperson = "JR")
    {
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var no = await admin.CreateCompanyAsync(name, "Malmö");
        await admin.LogInteractionAsync(no, "OUTGOING", $"First call to {name}", salespersonCode: salesperson);
        await admin.LogInteractionAsync(no, "OUTGOING", $"Second call to {name}", salespersonCode: salesperson);
        return no;
    }

    private async Task<IPage> SalesPageAsync()
    {
        await browser.App.ClientAsync(Roles.Sales);
        return await browser.SignedInPageAsync(SalesUser, TouchpointApp.Password);
    }

    private static async Task<ILocator> AuditRowAsync(IPage page, string key)
    {
        await page.OpenAsync("/setup/auditTrail");
        await page.GetByTestId("audit-key").Locator("input").FillAsync(key);
        var rows = page.GetByTestId("audit-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(1);
        return rows.First;
    }

    private async Task<HttpStatusCode> StatusAsync(string path) => (await (await browser.App.ClientAsync(Roles.Admin)).GetAsync(path)).StatusCode;

    [BrowserFact]
    public async Task The_audit_trail_lists_a_cancel_made_in_the_log_with_who_and_when_and_its_filters_narrow_it()
    {
        var tag = Unique.Code("Au");
        var admin = await browser.App.ClientAsync(Roles.Admin);
        var contact = await admin.CreateCompanyAsync($"Audit Oak {tag}", "Lund");
        var description = $"Call to cancel {tag}";
        var entryNo = (await admin.LogInteractionAsync(contact, "OUTGOING", description)).GetProperty("entryNo").GetInt64().ToString(CultureInfo.InvariantCulture);
        var page = await browser.SignedInPageAsync();
        var logRow = await page.SelectInLogAsync(contact, description);
        await page.GetByTestId("log-cancel").ClickAsync();
        await page.DialogWith("as canceled?").AnswerAsync("Yes");
        await Expect(logRow.GetByTestId("log-canceled").Locator("svg")).ToHaveCountAsync(1);

        await page.OpenAsync("/setup/auditTrail");
        var table = page.GetByTestId("audit-table");
        // Newest first: the cancel just made is the first line.
        var first = table.Locator("tbody tr").First;
        await Expect(first).ToContainTextAsync("Canceled");
        await Expect(first).ToContainTextAsync("Interaction log entry");
        await Expect(first).ToContainTextAsync(TouchpointApp.AdminEmail);
        await Expect(first).ToContainTextAsync(entryNo);
        await Expect(first).ToContainTextAsync($"contactNo={contact}");
        await Expect(first).ToContainTextAsync(DateTime.Now.ToString("M/d/yyyy", CultureInfo.InvariantCulture));

        // The key narrows it to that entry...
        await page.GetByTestId("audit-key").Locator("input").FillAsync(entryNo);
        await Expect(table.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(table.Locator("tbody tr")).ToContainTextAsync("Canceled");
        // ...another record type or user finds nothing...
        await page.ChooseAsync("audit-entity", "Contact");
        await Expect(table).ToContainTextAsync(NoEntries);
        await page.ChooseAsync("audit-entity", "Interaction log entry");
        await Expect(table.Locator("tbody tr")).ToContainTextAsync(TouchpointApp.AdminEmail);
        var user = page.GetByTestId("audit-user").Locator("input");
        await user.FillAsync(SalesUser);
        await Expect(table).ToContainTextAsync(NoEntries);
        await user.FillAsync(TouchpointApp.AdminEmail);
        await Expect(table.Locator("tbody tr")).ToContainTextAsync("Canceled");
        // ...and so does a date range that starts tomorrow.
        var dateFrom = page.GetByTestId("audit-date-from").Locator("input");
        await dateFrom.FillAsync(DateTime.Today.AddDays(1).ToString("M/d/yyyy", CultureInfo.InvariantCulture));
        await dateFrom.PressAsync("Tab");
        await Expect(table).ToContainTextAsync(NoEntries);
        await dateFrom.FillAsync(DateTime.Today.ToString("M/d/yyyy", CultureInfo.InvariantCulture));
        await dateFrom.PressAsync("Tab");
        await Expect(table.Locator("tbody tr")).ToContainTextAsync("Canceled");
    }

    [BrowserFact]
    public async Task A_contact_with_history_is_refused_to_sales_and_deleted_by_an_admin_only_after_a_question_that_counts_it()
    {
        var name = $"Doomed Pine {Unique.Code("Dc")}";
        var no = await CompanyWithHistoryAsync(name);

        var sales = await SalesPageAsync();
        await sales.OpenAsync($"/contacts/{no}");
        await sales.ChooseCardActionAsync("contact-delete");
        await Expect(sales.GetByTestId("card-error"))
            .ToContainTextAsync($"Contact {no} has 2 interactions. Only an administrator can delete a contact with history.");
        await Expect(sales.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync($"/api/v1/contacts/{no}"));

        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/contacts/{no}");
        await page.ChooseCardActionAsync("contact-delete");
        var question = page.DialogWith("Delete contact");
        await Expect(question).ToContainTextAsync($"Contact {no} {name} has 2 interactions, which stay in the log without it. Do you want to delete it?");
        await question.AnswerAsync("Cancel");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        await Expect(page).ToHaveURLAsync(new Regex($"/contacts/{no}$"));
        Assert.Equal(HttpStatusCode.OK, await StatusAsync($"/api/v1/contacts/{no}"));

        await page.ChooseCardActionAsync("contact-delete");
        await page.DialogWith("Delete contact").AnswerAsync("Delete");
        await Expect(page).ToHaveURLAsync(new Regex("/contacts$"));
        await Expect(page.Snackbar($"Contact {no} was deleted.")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync($"/api/v1/contacts/{no}"));

        var row = await AuditRowAsync(page, no);
        await Expect(row).ToContainTextAsync("Deleted");
        await Expect(row).ToContainTextAsync("Contact");
        await Expect(row).ToContainTextAsync(TouchpointApp.AdminEmail);
        await Expect(row).ToContainTextAsync($"name={name}; interactions=2");
    }

    [BrowserFact]
    public async Task A_salesperson_with_entries_is_refused_to_sales_and_deleted_by_an_admin_only_after_a_question_that_counts_them()
    {
        var code = Unique.Code("SP");
        var admin = await browser.App.ClientAsync(Roles.Admin);
        await admin.PostAsJsonAsync("/api/v1/salespeople", new { code, name = "Tove Berg" }).SucceededAsync();
        await CompanyWithHistoryAsync($"Birch {code}", code);

        var sales = await SalesPageAsync();
        await sales.OpenAsync($"/salespeople/{code}");
        await sales.GetByTestId("salesperson-delete").ClickAsync();
        await Expect(sales.GetByTestId("card-error")).ToContainTextAsync(
            $"Salesperson {code} has 2 interactions and 0 campaign entries. Only an administrator can delete a salesperson with history.");
        await Expect(sales.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync($"/api/v1/salespeople/{code}"));

        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/salespeople/{code}");
        await page.GetByTestId("salesperson-delete").ClickAsync();
        var question = page.DialogWith("Delete salesperson");
        await Expect(question).ToContainTextAsync(
            $"Salesperson {code} Tove Berg has 2 interactions and 0 campaign entries, which keep the code {code}. Do you want to delete it?");
        await question.AnswerAsync("Cancel");
        await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync($"/api/v1/salespeople/{code}"));

        await page.GetByTestId("salesperson-delete").ClickAsync();
        await page.DialogWith("Delete salesperson").AnswerAsync("Delete");
        await Expect(page.Snackbar($"Salesperson {code} was deleted.")).ToBeVisibleAsync();
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync($"/api/v1/salespeople/{code}"));

        var row = await AuditRowAsync(page, code);
        await Expect(row).ToContainTextAsync("Deleted");
        await Expect(row).ToContainTextAsync("Salesperson");
        await Expect(row).ToContainTextAsync(TouchpointApp.AdminEmail);
        await Expect(row).ToContainTextAsync("name=Tove Berg; interactions=2; campaignEntries=0");
    }
}
