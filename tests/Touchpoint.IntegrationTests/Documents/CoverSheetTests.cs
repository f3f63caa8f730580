using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Core.Documents;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Documents;

public sealed class CoverSheetTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory, SqliteData, PostgresData]
    public async Task A_cover_sheet_for_a_contact_logs_one_entry_with_the_cover_sheets_template_and_no_document_no(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app, company: new { address = "Main Street 1", postCode = "3511 AB", city = "Utrecht", countryRegionCode = "NL" });
        var company = w.Company;
        await SetupAsync(w, w.Template);

        var printed = await PrintAsync(app, new CoverSheetRequest
        {
            ContactNos = [company], Remarks = "  The brochure you asked for.  ", Marks = new CoverSheetMarks { PleaseCall = true, AsRequested = true },
        });

        Assert.True(printed.Logged);
        Assert.Equal(w.Template, printed.InteractionTemplateCode);
        var sheet = Assert.Single(printed.Sheets);
        Assert.Equal(["Log Co", "Main Street 1", "3511 AB Utrecht", "NL"], sheet.AddressLines);
        Assert.Equal("The brochure you asked for.", sheet.Remarks);
        Assert.Equal(new CoverSheetMarks { PleaseCall = true, AsRequested = true }, sheet.Marks);
        var entry = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{sheet.EntryNo}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((company, w.Template, "coverSheet", "Outgoing call", "none"),
            (entry.Str("contactNo"), entry.Str("interactionTemplateCode"), entry.Str("documentType"), entry.Str("description"), entry.Str("deliveryStatus")));
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("documentNo").ValueKind);
        Assert.Single(await CoverSheetEntriesAsync(w, company));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Cover_sheets_for_a_segment_log_one_entry_per_contact_in_one_go(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        await SetupAsync(w, w.Template);
        var contacts = new List<string>();
        for (var i = 1; i <= 4; i++)
        {
            contacts.Add((await (await w.Client.PostAsync("/api/v1/contacts", new { name = $"Sheet Co {i}", city = "Malmö", salespersonCode = w.Salesperson }))
                .JsonAsync(HttpStatusCode.Created)).Str("no"));
        }
        var segment = await SegmentAsync(w, contacts);

        var printed = await PrintAsync(app, new CoverSheetRequest { SegmentNo = segment });

        Assert.Equal(contacts, printed.Sheets.Select(s => s.ContactNo));
        Assert.All(printed.Sheets, s => Assert.Equal("Sam Seller", s.SalespersonName));
        Assert.Equal(4, printed.Sheets.Select(s => s.EntryNo).Distinct().Count(no => no is not null));
        foreach (var contact in contacts)
        {
            var entry = Assert.Single(await CoverSheetEntriesAsync(w, contact));
            Assert.Equal((w.Template, w.Salesperson), (entry.Str("interactionTemplateCode"), entry.Str("salespersonCode")));
        }
        // The segment stays as it was: printing is not logging the segment.
        await (await w.Client.GetAsync($"/api/v1/segments/{segment}")).JsonAsync(HttpStatusCode.OK);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Without_a_cover_sheets_template_the_print_is_refused_with_a_clear_message_and_nothing_is_logged(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        await SetupAsync(w, null);

        var refused = await Assert.ThrowsAsync<DomainException>(() => PrintAsync(app, new CoverSheetRequest { ContactNos = [w.Company, w.Person] }));

        Assert.Equal(DomainErrorKind.Conflict, refused.Kind);
        Assert.Contains("Cover Sheets", refused.Message, StringComparison.Ordinal);
        Assert.Contains("Interaction Template Setup", refused.Message, StringComparison.Ordinal);
        Assert.True(refused.Errors.ContainsKey("logInteraction"));
        Assert.Empty(await CoverSheetEntriesAsync(w, w.Company));
        Assert.Empty(await CoverSheetEntriesAsync(w, w.Person));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Printing_without_logging_returns_the_sheets_and_logs_nothing(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        await SetupAsync(w, null);

        var printed = await PrintAsync(app, new CoverSheetRequest { ContactNos = [w.Company, w.Person], LogInteraction = false });

        Assert.False(printed.Logged);
        Assert.Null(printed.InteractionTemplateCode);
        Assert.Equal([w.Company, w.Person], printed.Sheets.Select(s => s.ContactNo));
        Assert.All(printed.Sheets, s => Assert.Null(s.EntryNo));
        Assert.Empty(await CoverSheetEntriesAsync(w, w.Company));
        Assert.Empty(await CoverSheetEntriesAsync(w, w.Person));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_person_s_address_block_shows_the_company_above_the_person(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        await (await w.Client.PatchAsync($"/api/v1/contacts/{w.Person}", new { address = "Dock 4", postCode = "111 22", city = "Stockholm" })).JsonAsync(HttpStatusCode.OK);

        var printed = await PrintAsync(app, new CoverSheetRequest { ContactNos = [w.Person], LogInteraction = false });

        Assert.Equal(["Log Co", "Lena Log", "Dock 4", "111 22 Stockholm"], Assert.Single(printed.Sheets).AddressLines);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Wrong_input_is_refused_before_anything_is_logged(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        await SetupAsync(w, w.Template);

        var none = await Assert.ThrowsAsync<DomainException>(() => PrintAsync(app, new CoverSheetRequest { ContactNos = [] }));
        Assert.True(none.Errors.ContainsKey("contactNos"));
        var unknown = await Assert.ThrowsAsync<DomainException>(() => PrintAsync(app, new CoverSheetRequest { ContactNos = [w.Company, "NOSUCH"] }));
        Assert.Contains("NOSUCH", Assert.Single(unknown.Errors["contactNos"]), StringComparison.Ordinal);
        var segment = await Assert.ThrowsAsync<DomainException>(() => PrintAsync(app, new CoverSheetRequest { SegmentNo = "NOSUCHSEG" }));
        Assert.Equal(DomainErrorKind.NotFound, segment.Kind);
        var both = await Assert.ThrowsAsync<DomainException>(() => PrintAsync(app, new CoverSheetRequest { ContactNos = [w.Company], SegmentNo = "X" }));
        Assert.True(both.Errors.ContainsKey("segmentNo"));
        var tooMany = await Assert.ThrowsAsync<DomainException>(() => PrintAsync(app, new CoverSheetRequest
        {
            ContactNos = [.. Enumerable.Range(0, PrintCoverSheets.MaxSheets + 1).Select(i => $"C{i}")],
        }));
        Assert.True(tooMany.Errors.ContainsKey("contactNos"));
        Assert.Empty(await CoverSheetEntriesAsync(w, w.Company));
    }

    private static Task<CoverSheetsPrintedDto> PrintAsync(TouchpointApp app, CoverSheetRequest request) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<PrintCoverSheets>().HandleAsync(request, "tester"));

    private static async Task SetupAsync(InteractionWorld w, string? template) =>
        await (await w.Admin.PatchAsync("/api/v1/interactionTemplateSetup", new { coverSheets = template })).JsonAsync(HttpStatusCode.OK);

    private static async Task<string> SegmentAsync(InteractionWorld w, IReadOnlyList<string> contactNos)
    {
        var no = (await (await w.Client.PostAsync("/api/v1/segments", new { description = "Cover sheet mailing" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/addContacts", new { filter = new { contactNos } })).JsonAsync(HttpStatusCode.OK);
        return no;
    }

    private static async Task<JsonElement[]> CoverSheetEntriesAsync(InteractionWorld w, string contactNo) =>
        [.. (await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?contactNo={contactNo}&documentType=coverSheet")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("value").EnumerateArray()];
}
