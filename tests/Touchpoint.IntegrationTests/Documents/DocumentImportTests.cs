using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Core.Documents;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Documents;

public sealed class DocumentImportTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private const string Header = "documentType,documentNo,versionNo,docNoOccurrence,customerNo,vendorNo,contactNo,salespersonCode,description,campaignNo,date,timeOfInteraction";

    [Theory, SqliteData, PostgresData]
    public async Task A_file_logs_its_good_lines_and_reports_each_bad_one_by_its_line_number(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        await SetupAsync(w, new { salesInvoice = w.Template, salesQuote = (string?)null });
        var customer = await CustomerAsync(w);
        var no = Unique.Code("IMP");
        var csv = string.Join("\r\n",
            Header,
            $"salesInvoice,{no}-1,,,{customer},,,,\"Invoice, by post\",,2026-03-02,09:15", // 2: good, via the business relation
            $"salesInvoice,{no}-2,1,,,,{w.Person},,,,,", //                                   3: good, to a contact
            $"salesFax,{no}-3,,,{customer},,,,,,,", //                                         4: no such document type
            $"salesQuote,{no}-4,,,{customer},,,,,,,", //                                       5: no template for quotes
            $"salesInvoice,{no}-5,,,NOSUCHCUST,,,,,,,", //                                      6: no business relation
            $"salesInvoice,{no}-6,,,,,,,,,,", //                                               7: no recipient
            $"salesInvoice,{no}-7,,,{customer},,,,{new string('x', 101)},,,", //                8: description too long
            $"salesInvoice,{no}-8,,,{customer},,,,,,2026-02-30,", //                           9: no such date
            $"salesInvoice,{no}-9,,,{customer},,,,,NOSUCHCAMP,,", //                           10: no such campaign
            "\"salesInvoice\",\"" + no + "-10\",,,,,\"" + w.Person + "\",,\"two\nlines\",,,", // 11–12: good, quoted, spans two lines
            $"salesInvoice,{no}-11,,,,,{w.Person},,,,,", //                                    13: good
            $"salesInvoice,{no}-12,,,,,{w.Person},NOBODY,,,,") + "\r\n"; //                  14: no such salesperson

        var result = await ImportAsync(app, csv);

        Assert.Equal((12, 4, 0, 8), (result.Lines, result.Logged, result.AlreadyImported, result.NotLogged));
        Assert.Equal(
            [
                (4, "documentType"), (5, "documentType"), (6, "customerNo"), (7, "contactNo"), (8, "description"), (9, "date"),
                (10, "campaignNo"), (14, "salespersonCode"),
            ],
            result.Problems.Select(p => (p.LineNo, p.Field ?? "")).Distinct().ToList());
        Assert.Contains("NOSUCHCUST", result.Problems.Single(p => p.LineNo == 6).Message, StringComparison.Ordinal);
        Assert.Contains("Sales Quotes", result.Problems.Single(p => p.LineNo == 5).Message, StringComparison.Ordinal);

        var entries = await EntriesAsync(w, $"{no}-");
        Assert.Equal([$"{no}-1", $"{no}-10", $"{no}-11", $"{no}-2"], entries.Select(e => e.Str("documentNo")).Order(StringComparer.Ordinal));
        var first = entries.Single(e => e.Str("documentNo") == $"{no}-1");
        Assert.Equal((w.Company, "Invoice, by post", "2026-03-02", "salesInvoice"), (first.Str("contactNo"), first.Str("description"), first.Str("date"), first.Str("documentType")));
        Assert.StartsWith("09:15", first.Str("timeOfInteraction"), StringComparison.Ordinal);
        Assert.Equal("two\nlines", entries.Single(e => e.Str("documentNo") == $"{no}-10").Str("description"));
        Assert.Equal(1, entries.Single(e => e.Str("documentNo") == $"{no}-2").GetProperty("versionNo").GetInt32());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Importing_the_same_file_again_logs_nothing_new_and_identical_lines_count_once(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        await SetupAsync(w, new { salesShipmentNote = w.Template });
        var no = Unique.Code("SHP");
        var line = $"salesShipmentNote,{no},,,,,{w.Person},,,,2026-04-01,";
        var csv = $"{Header}\n{line}\nsalesShipmentNote,{no}-B,,,,,{w.Person},,,,,\n{line}\n";

        var first = await ImportAsync(app, csv);
        Assert.Equal((2, 0, 1), (first.Logged, first.AlreadyImported, first.NotLogged));
        var duplicate = Assert.Single(first.Problems);
        Assert.Equal(4, duplicate.LineNo);
        Assert.Contains("line 2", duplicate.Message, StringComparison.Ordinal);

        // The same lines again, differently spaced and cased (the values LogDocument reads are the same).
        var again = await ImportAsync(app, csv.Replace($",{w.Person},", $", {w.Person.ToLowerInvariant()} ,", StringComparison.Ordinal));
        Assert.Equal((0, 2, 1), (again.Logged, again.AlreadyImported, again.NotLogged));
        Assert.Equal(2, (await EntriesAsync(w, no)).Count);
        var stats = await (await w.Client.GetAsync($"/api/v1/interactionTemplates/{w.Template}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, stats.GetProperty("noOfInteractions").GetInt32());
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_idempotencyKey_column_is_the_API_s_Idempotency_Key(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        await SetupAsync(w, new { purchaseOrder = w.Template });
        var no = Unique.Code("PO");
        var viaApi = $"api-{Guid.NewGuid():N}";
        var viaFile = $"file-{Guid.NewGuid():N}";
        var posted = await PostAsync(w, new { documentType = "purchaseOrder", documentNo = $"{no}-1", contactNo = w.Person }, viaApi, HttpStatusCode.Created);

        var result = await ImportAsync(app, $"""
            documentType,documentNo,contactNo,idempotencyKey
            purchaseOrder,{no}-1,{w.Person},{viaApi}
            purchaseOrder,{no}-2,{w.Person},{viaFile}
            purchaseOrder,{no}-3,{w.Person},{viaFile}
            """);

        Assert.Equal((1, 1, 1), (result.Logged, result.AlreadyImported, result.NotLogged));
        Assert.Equal((4, "idempotencyKey"), (result.Problems.Single().LineNo, result.Problems.Single().Field));
        var entries = await EntriesAsync(w, no);
        Assert.Equal([$"{no}-1", $"{no}-2"], entries.Select(e => e.Str("documentNo")).Order(StringComparer.Ordinal));
        Assert.Equal(posted.GetProperty("entryNo").GetInt64(), entries.Single(e => e.Str("documentNo") == $"{no}-1").GetProperty("entryNo").GetInt64());

        // The API, asked again with the key the file used, answers with the entry the import made.
        var answer = await PostAsync(w, new { documentType = "purchaseOrder", documentNo = $"{no}-2", contactNo = w.Person }, viaFile, HttpStatusCode.Created);
        Assert.Equal(entries.Single(e => e.Str("documentNo") == $"{no}-2").GetProperty("entryNo").GetInt64(), answer.GetProperty("entryNo").GetInt64());
        Assert.Equal(2, (await EntriesAsync(w, no)).Count);
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_imported_event_makes_the_entry_campaign_entry_and_statistics_that_posting_it_makes(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        await SetupAsync(w, new { salesCreditMemo = w.Template });
        var campaign = (await (await w.Client.PostAsync("/api/v1/campaigns", new { description = "Import campaign" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        var customer = await CustomerAsync(w);
        var posted = Unique.Code("CM");
        var imported = Unique.Code("CM");
        await PostAsync(w, new
        {
            documentType = "salesCreditMemo", documentNo = posted, versionNo = 2, docNoOccurrence = 3, customerNo = customer, campaignNo = campaign,
            salespersonCode = w.Salesperson, date = "2026-05-04", timeOfInteraction = "14:30:00",
        }, null, HttpStatusCode.Created);

        var result = await ImportAsync(app, $"{Header}\nsalesCreditMemo,{imported},2,3,{customer},,,{w.Salesperson},,{campaign},2026-05-04,14:30\n");

        Assert.Equal(1, result.Logged);
        var entries = await EntriesAsync(w, "CM");
        var fromApi = await EntryAsync(w, entries.Single(e => e.Str("documentNo") == posted));
        var fromFile = await EntryAsync(w, entries.Single(e => e.Str("documentNo") == imported));
        Assert.Equal(Comparable(fromApi), Comparable(fromFile));
        var campaignEntries = await app.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().CampaignEntries.AsNoTracking()
            .Where(c => c.CampaignNo == campaign).Select(c => new { c.Description, c.DocumentType, c.SalespersonCode, c.Date }).ToListAsync());
        Assert.Equal(2, campaignEntries.Count);
        Assert.Single(campaignEntries.Distinct());
        foreach (var url in new[] { $"interactionTemplates/{w.Template}", $"salespeople/{w.Salesperson}" })
        {
            var stats = await (await w.Client.GetAsync($"/api/v1/{url}/statistics")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal((2, 3.0m), (stats.GetProperty("noOfInteractions").GetInt32(), stats.GetProperty("costLcy").GetDecimal()));
        }
        var byCampaign = await (await w.Client.GetAsync($"/api/v1/campaigns/{campaign}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3.0m, byCampaign.GetProperty("costLcy").GetDecimal());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_file_with_a_column_that_is_not_known_is_refused_before_anything_is_logged(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        await SetupAsync(w, new { salesInvoice = w.Template });
        var no = Unique.Code("UNK");

        var refused = await Assert.ThrowsAsync<DomainException>(() => ImportAsync(app, $"documentType,documentNo,contactNo,copies\nsalesInvoice,{no},{w.Person},2\n"));

        Assert.Contains("copies", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await EntriesAsync(w, no));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_field_of_megabytes_is_refused_naming_its_line_without_reading_it_whole(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        await SetupAsync(w, new { salesInvoice = w.Template });
        var no = Unique.Code("BIG");
        // A stray quote on line 3 opens a field that runs to the end of a 20 MB file.
        var csv = $"{Header}\nsalesInvoice,{no},1,1,,,{w.Person},{w.Salesperson},Fine,,2026-05-04,10:00\n" +
            $"salesInvoice,{no}X,1,1,,,{w.Person},{w.Salesperson},\"{new string('x', 20_000_000)}\n";

        var refused = await Assert.ThrowsAsync<DomainException>(() => ImportAsync(app, csv));

        Assert.True(refused.Errors.ContainsKey("file"));
        Assert.Contains("3", refused.Message, StringComparison.Ordinal);
        Assert.Empty(await EntriesAsync(w, no));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_cli_imports_a_file_and_logs_one_event_with_the_exit_codes_a_script_can_test(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        await SetupAsync(w, new { salesReminder = w.Template });
        var no = Unique.Code("RM");
        var file = Path.Combine(Path.GetTempPath(), $"touchpoint-import-{Guid.NewGuid():N}.csv");
        // UTF-8 with a byte order mark, as spreadsheet programs save it.
        await File.WriteAllTextAsync(file, $"documentType,documentNo,contactNo,customerNo,description\nsalesReminder,{no}-1,{w.Person},,Ä reminder\nsalesReminder,{no}-2,,NOSUCH,\n",
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        try
        {
            var (code, output) = await CliAsync(app, "documents", "import", file);
            Assert.True(code == 2, output);
            Assert.Contains("1 logged, 0 already imported, 1 not logged (bad lines)", output, StringComparison.Ordinal);
            Assert.Contains("line 3: customerNo: No contact found for customer NOSUCH.", output, StringComparison.Ordinal);
            Assert.Equal("Ä reminder", Assert.Single(await EntriesAsync(w, no)).Str("description"));

            (code, output) = await CliAsync(app, "documents", "log", "--type", "salesReminder", "--no", $"{no}-3", "--contact", w.Person, "--date", "2026-06-01");
            Assert.True(code == 0, output);
            var entryNo = long.Parse(output.Trim().Split(' ')[^1].TrimEnd('.'), System.Globalization.CultureInfo.InvariantCulture);
            var entry = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{entryNo}")).JsonAsync(HttpStatusCode.OK);
            Assert.Equal(($"{no}-3", "2026-06-01"), (entry.Str("documentNo"), entry.Str("date")));

            (code, output) = await CliAsync(app, "documents", "log", "--type", "salesReminder", "--no", $"{no}-4", "--vendor", "NOSUCHVEND");
            Assert.True(code == 2, output);
            Assert.Contains("No contact found for vendor NOSUCHVEND", output, StringComparison.Ordinal);
            (code, output) = await CliAsync(app, "documents", "log", "--type", "salesReminder", "--no", $"{no}-5", "--contact", w.Person, "--vendor", "V1");
            Assert.True(code == 1, output);
            Assert.Contains("contactNo", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<DocumentImportResult> ImportAsync(TouchpointApp app, string csv)
    {
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return await app.WithScopeAsync(sp => sp.GetRequiredService<ImportDocumentEvents>().HandleAsync(stream, "importer", dryRun: false));
    }

    private static async Task SetupAsync(InteractionWorld w, object fields) =>
        await (await w.Admin.PatchAsync("/api/v1/interactionTemplateSetup", fields)).JsonAsync(HttpStatusCode.OK);

    private static async Task<string> CustomerAsync(InteractionWorld w)
    {
        var customer = Unique.Code("C");
        await (await w.Client.PostAsync($"/api/v1/contacts/{w.Company}/businessRelations", new { linkToTable = "customer", linkNo = customer })).JsonAsync(HttpStatusCode.Created);
        return customer;
    }

    private static async Task<JsonElement> PostAsync(InteractionWorld w, object body, string? key, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/documentEvents")
        {
            Content = new StringContent(JsonSerializer.Serialize(body, TouchpointApp.Json), Encoding.UTF8, "application/json"),
        };
        if (key is not null)
        {
            request.Headers.Add("Idempotency-Key", key);
        }
        return await (await w.Client.SendAsync(request)).JsonAsync(expected);
    }

    /// <summary>This world's entries whose document no. starts with the prefix (the log of the contacts the world made).</summary>
    private static async Task<List<JsonElement>> EntriesAsync(InteractionWorld w, string prefix)
    {
        var all = new List<JsonElement>();
        foreach (var contact in new[] { w.Company, w.Person })
        {
            var page = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?contactNo={contact}&limit=100")).JsonAsync(HttpStatusCode.OK);
            all.AddRange(page.GetProperty("value").EnumerateArray().Where(e => e.Str("documentNo")?.StartsWith(prefix, StringComparison.Ordinal) == true));
        }
        return all;
    }

    private static async Task<JsonElement> EntryAsync(InteractionWorld w, JsonElement listed) =>
        await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{listed.GetProperty("entryNo").GetInt64()}")).JsonAsync(HttpStatusCode.OK);

    /// <summary>An entry's fields but those that differ by nature: its number, the document no., who logged it (also in the title) and the campaign entry no.</summary>
    private static string Comparable(JsonElement entry)
    {
        var fields = entry.EnumerateObject()
            .Where(p => p.Name is not ("entryNo" or "documentNo" or "userId" or "title" or "campaignEntryNo"))
            .Select(p => $"{p.Name}={p.Value.GetRawText()}");
        return string.Join("\n", fields);
    }

    /// <summary>The real command on the app's database, as an ERP's script would run it: its exit code and everything it wrote.</summary>
    private static Task<(int ExitCode, string Output)> CliAsync(TouchpointApp app, params string[] args) =>
        CliProcess.RunAsync(new Dictionary<string, string>
        {
            ["Touchpoint__Database__Provider"] = app.Provider,
            ["ConnectionStrings__Touchpoint"] = app.ConnectionString,
        }, args);
}
