using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.Persistence;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Common;

/// <summary>
/// The list exports (docs/api.md "Export"): Accept: text/csv (RFC 4180, UTF-8, formula-like cells neutralised) or the
/// Excel type answers every row the filters select, written page after page as it is read.
/// </summary>
public sealed class ExportTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    internal static async Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
    }

    /// <summary>RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks.</summary>
    internal static List<List<string>> ParseCsv(string text)
    {
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') { quoted = false; }
                else { field.Append(c); }
            }
            else if (c == '"') { quoted = true; }
            else if (c == ',') { record.Add(field.ToString()); field.Clear(); }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString()); field.Clear(); records.Add(record); record = []; i++;
            }
            else { field.Append(c); }
        }
        Assert.True(field.Length == 0 && record.Count == 0, "The CSV does not end with CRLF.");
        return records;
    }

    private static async Task<List<List<string>>> CsvAsync(HttpClient client, string url)
    {
        var response = await GetAsync(client, url, "text/csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Null(response.Content.Headers.ContentLength);
        return ParseCsv(Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
    }

    /// <summary>
    /// A campaign with the person's calls of these descriptions (the second one the newest), and a call of the company's
    /// outside the campaign ("Company only call"); the campaign's no.
    /// </summary>
    internal static async Task<string> CampaignCallsAsync(InteractionWorld w, params string[] descriptions)
    {
        var campaign = (await (await w.Client.PostAsync("/api/v1/campaigns", new { description = "Export run" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        foreach (var text in descriptions)
        {
            await (await w.Client.PostAsync("/api/v1/interactions", new
            {
                contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, description = text, campaignNo = campaign,
            })).JsonAsync(HttpStatusCode.Created);
        }
        await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Company, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, description = "Company only call" }))
            .JsonAsync(HttpStatusCode.Created);
        return campaign;
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_contact_export_holds_exactly_the_filtered_contacts_with_formula_cells_neutralised(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        string[] names = ["=HYPERLINK(\"http://evil\")", "+31 Trading", "-minus Ltd", "@home BV", "Plain, \"Quoted\" Co", "Ørsted Ålborg"];
        foreach (var contactName in names)
        {
            await (await w.Client.PostAsync("/api/v1/contacts", new { name = contactName, salespersonCode = w.Salesperson })).JsonAsync(HttpStatusCode.Created);
        }
        var rows = await CsvAsync(w.Client, $"/api/v1/contacts?salespersonCode={w.Salesperson}&limit=2");
        var header = rows[0];
        Assert.Equal("no", header[0]);
        var name = header.IndexOf("name");
        Assert.Equal(names.Length, rows.Count - 1);
        Assert.Equal(["'=HYPERLINK(\"http://evil\")", "'+31 Trading", "'-minus Ltd", "'@home BV", "Plain, \"Quoted\" Co", "Ørsted Ålborg"],
            rows.Skip(1).Select(r => r[name]).OrderBy(n => Array.FindIndex(names, x => n.EndsWith(x, StringComparison.Ordinal))));
        Assert.All(rows.Skip(1), r => Assert.Equal(w.Salesperson, r[header.IndexOf("salespersonCode")]));
        Assert.All(rows.Skip(1), r => Assert.Equal("company", r[header.IndexOf("type")]));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_large_export_streams_every_row_page_after_page_in_the_lists_order(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        var prefix = Unique.Code("EX");
        await app.WithScopeAsync(async sp =>
        {
            var now = TimeProvider.System.GetUtcNow();
            var contacts = Enumerable.Range(0, 2500).Select(i =>
            {
                var no = $"{prefix}{i:D5}";
                var contact = Contact.Create(no, new ContactFields { Type = ContactType.Company, Name = $"Export {i}", SalespersonCode = w.Salesperson },
                    null, now, new FieldErrors());
                contact.AssignNo(no);
                return contact;
            });
            await sp.GetRequiredService<IDatabaseProvider>().BulkInsertContactsAsync(sp.GetRequiredService<DatabaseSettings>().ConnectionString, contacts);
            return 0;
        });
        var rows = await CsvAsync(w.Client, $"/api/v1/contacts?salespersonCode={w.Salesperson}");
        var numbers = rows.Skip(1).Select(r => r[0]).Where(n => n.StartsWith(prefix, StringComparison.Ordinal)).ToList();
        Assert.Equal(Enumerable.Range(0, 2500).Select(i => $"{prefix}{i:D5}"), numbers);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_log_campaign_entries_and_logged_segments_export_as_csv_and_excel_and_a_bad_filter_is_still_a_400(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var campaign = await CampaignCallsAsync(w, "First call", "-1 second call");

        var log = await CsvAsync(w.Client, $"/api/v1/interactionLogEntries?contactNo={w.Person}");
        var description = log[0].IndexOf("description");
        Assert.Equal(["'-1 second call", "First call"], log.Skip(1).Select(r => r[description]));
        Assert.Equal(1.5m, decimal.Parse(log[1][log[0].IndexOf("costLcy")], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("outbound", log[1][log[0].IndexOf("informationFlow")]);
        Assert.Equal(2, (await CsvAsync(w.Client, $"/api/v1/campaignEntries?campaignNo={campaign}")).Count - 1);
        Assert.True((await CsvAsync(w.Client, "/api/v1/loggedSegments")).Count >= 1);

        var excel = await GetAsync(w.Client, $"/api/v1/interactionLogEntries?contactNo={w.Person}", Xlsx);
        Assert.Equal(HttpStatusCode.OK, excel.StatusCode);
        Assert.Equal(Xlsx, excel.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".xlsx", excel.Content.Headers.ContentDisposition?.ToString());
        using var zip = new ZipArchive(new MemoryStream(await excel.Content.ReadAsByteArrayAsync()));
        using var sheet = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = await sheet.ReadToEndAsync();
        Assert.Contains("First call", xml);
        Assert.Contains("entryNo", xml);
        Assert.DoesNotContain("Company only call", xml);

        // Refused before any row is written.
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(w.Client, "/api/v1/contacts?type=alien", "text/csv")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await GetAsync(w.Client, "/api/v1/interactionLogEntries?dateFrom=2026-05-01&dateTo=2026-04-01", Xlsx)).StatusCode);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_refused_export_answers_a_problem_naming_the_field_though_its_accept_header_names_no_json(string provider)
    {
        var client = await apps.For(provider).ClientAsync(Roles.Viewer);
        // A value the list refuses, a value that does not bind, and both file types.
        await (await GetAsync(client, "/api/v1/contacts?type=alien", "text/csv")).ProblemAsync(HttpStatusCode.BadRequest, "type");
        await (await GetAsync(client, "/api/v1/interactionLogEntries?dateFrom=someday", Xlsx)).ProblemAsync(HttpStatusCode.BadRequest, "dateFrom");
        await (await GetAsync(client, "/api/v1/loggedSegments?canceled=maybe", "text/csv")).ProblemAsync(HttpStatusCode.BadRequest, "canceled");
    }
}
