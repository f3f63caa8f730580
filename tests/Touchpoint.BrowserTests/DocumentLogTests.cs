using System.Net.Http.Json;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using static Microsoft.Playwright.Assertions;

namespace Touchpoint.BrowserTests;

/// <summary>A user looking at an invoice number sees every time it was printed or sent, and nothing else.</summary>
public sealed class DocumentLogTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string Person = "CT000002";

    [BrowserFact]
    public async Task The_log_filtered_by_document_type_and_no_shows_every_time_that_document_was_sent()
    {
        var client = await browser.App.ClientAsync(Roles.Admin);
        var invoiceNo = Unique.Code("SI");
        async Task SendAsync(string type, string no, int occurrence) =>
            await client.PostAsJsonAsync("/api/v1/documentEvents", new
            {
                documentType = type, documentNo = no, contactNo = Person, docNoOccurrence = occurrence, description = $"{type} {no}",
            }).SucceededAsync();
        await SendAsync("salesInvoice", invoiceNo, 1);
        await SendAsync("salesInvoice", invoiceNo, 2);
        await SendAsync("salesQuote", invoiceNo, 1); // the same number on another kind of document
        await SendAsync("salesInvoice", Unique.Code("SI"), 1);

        // A link from elsewhere (an ERP's invoice page) opens the log on the document.
        var page = await browser.SignedInPageAsync();
        await page.OpenAsync($"/interactionLogEntries?documentType=salesInvoice&documentNo={invoiceNo}");
        var rows = page.GetByTestId("log-table").Locator("tbody tr");
        await Expect(rows).ToHaveCountAsync(2);
        await Expect(rows.GetByTestId("log-document")).ToHaveTextAsync([$"Sales Invoice {invoiceNo}", $"Sales Invoice {invoiceNo}"]);
        // Deleting canceled entries would reach beyond the one document shown.
        await Expect(page.GetByTestId("log-delete-canceled")).ToBeDisabledAsync();

        // The user switches the kind of document in the filter.
        await page.GetByTestId("log-document-type-filter").Locator(".mud-select").First.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "Sales Quote" }).First.ClickAsync();
        await Expect(rows).ToHaveCountAsync(1);
        await Expect(rows.GetByTestId("log-document")).ToHaveTextAsync($"Sales Quote {invoiceNo}");
    }
}
