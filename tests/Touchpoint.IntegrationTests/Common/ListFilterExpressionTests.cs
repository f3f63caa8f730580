using System.Net;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Common;

/// <summary>BC filter expressions in the list filters of the contacts and the interaction log.</summary>
public sealed class ListFilterExpressionTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory, SqliteData, PostgresData]
    public async Task The_contact_list_filters_by_expressions_on_city_post_code_country_and_codes(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var tag = Unique.Code("L");
        var a = await ContactAsync(w, new { name = "Anna", city = $"Kramlöv {tag}", postCode = "1000", countryRegionCode = "SE", salespersonCode = w.Salesperson });
        var b = await ContactAsync(w, new { name = "Bo", city = $"Posterenk {tag}", postCode = "2000", countryRegionCode = "DK", salespersonCode = w.Salesperson });
        var c = await ContactAsync(w, new { name = "Cia", city = $"Lund {tag}", postCode = "3000", salespersonCode = w.Salesperson });

        Assert.Equal([a, b], await ContactNosAsync(w, $"city={Uri.EscapeDataString($"KRAMLÖV {tag}|posterenk {tag}")}"));
        Assert.Equal([b, c], await ContactNosAsync(w, $"city=*{tag}&postCode=1500..&salespersonCode={w.Salesperson.ToLowerInvariant()}"));
        Assert.Equal([a, c], await ContactNosAsync(w, $"city=*{tag}&countryRegionCode=%3C%3EDK"));
        Assert.Equal([c], await ContactNosAsync(w, $"city=*{tag}&countryRegionCode=''"));
        Assert.Equal([w.Company, w.Person], await ContactNosAsync(w, $"companyNo={w.Company.ToLowerInvariant()}"));
        await (await w.Client.GetAsync("/api/v1/contacts?city=A%7C%7CB")).ProblemAsync(HttpStatusCode.BadRequest, "city");
        await (await w.Client.GetAsync("/api/v1/contacts?salespersonCode=%3E%3D")).ProblemAsync(HttpStatusCode.BadRequest, "salespersonCode");
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_interaction_log_filters_by_expressions_on_codes_document_no_and_date(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var first = await LogAsync(w, w.Company, "2026-01-15");
        var second = await LogAsync(w, w.Person, "2026-03-01");
        var third = await LogAsync(w, w.Person, "2026-06-30");

        Assert.Equal([third, second, first], await EntryNosAsync(w, $"contactNo={w.Company}%7C{w.Person.ToLowerInvariant()}"));
        Assert.Equal([third, second], await EntryNosAsync(w, $"contactCompanyNo={w.Company}&contactNo=%3C%3E{w.Company}"));
        Assert.Equal([second, first], await EntryNosAsync(w, $"salespersonCode={w.Salesperson}&date=..2026-03-01"));
        Assert.Equal([third, first], await EntryNosAsync(w, $"salespersonCode={w.Salesperson}&interactionTemplateCode={w.Template[..3].ToLowerInvariant()}*&date=2026-01-15%7C2026-06-30"));
        Assert.Equal([second], await EntryNosAsync(w, $"salespersonCode={w.Salesperson}&date=2026-02-01..2026-03-31&documentNo=''"));
        await (await w.Client.GetAsync("/api/v1/interactionLogEntries?date=2026-02-30")).ProblemAsync(HttpStatusCode.BadRequest, "date");
        await (await w.Client.GetAsync("/api/v1/interactionLogEntries?documentNo=1..2..3")).ProblemAsync(HttpStatusCode.BadRequest, "documentNo");
    }

    private static async Task<string> ContactAsync(InteractionWorld w, object body) =>
        (await (await w.Client.PostAsync("/api/v1/contacts", body)).JsonAsync(HttpStatusCode.Created)).Str("no");

    private static async Task<long> LogAsync(InteractionWorld w, string contactNo, string date) =>
        (await (await w.Client.PostAsync("/api/v1/interactions", new
        {
            contactNo, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, date,
        })).JsonAsync(HttpStatusCode.Created)).GetProperty("entryNo").GetInt64();

    private static async Task<string[]> ContactNosAsync(InteractionWorld w, string query) =>
        [.. (await (await w.Client.GetAsync($"/api/v1/contacts?{query}&limit=1000")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("value").EnumerateArray().Select(c => c.Str("no"))];

    private static async Task<long[]> EntryNosAsync(InteractionWorld w, string query) =>
        [.. (await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?{query}&limit=1000")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("value").EnumerateArray().Select(e => e.GetProperty("entryNo").GetInt64())];
}
