using System.Net;
using System.Text.Json;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Interactions;

/// <summary>
/// GET /interactionStatistics: the whole log's counted interactions (rules 7 and 26) by month, group and template.
/// Other tests of the app log interactions too, so the figures asserted are those of this test's own codes and of
/// months in 2018 and 2019, which no other test uses.
/// </summary>
public sealed class InteractionStatisticsOverviewTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private sealed record World(InteractionWorld Log, string Template2, string Group2, string Template3);

    private static async Task<World> WorldAsync(TouchpointApp app)
    {
        var w = await InteractionWorld.CreateAsync(app);
        var template2 = Unique.Code("T")[..9];
        await (await w.Admin.PostAsync("/api/v1/interactionTemplates", new { code = template2, interactionGroupCode = w.Group, description = "Incoming call" }))
            .JsonAsync(HttpStatusCode.Created);
        var group2 = Unique.Code("G")[..8];
        await (await w.Admin.PostAsync("/api/v1/interactionGroups", new { code = group2, description = "Meetings" })).JsonAsync(HttpStatusCode.Created);
        var template3 = Unique.Code("T")[..9];
        await (await w.Admin.PostAsync("/api/v1/interactionTemplates", new { code = template3, interactionGroupCode = group2, description = "Meeting on site" }))
            .JsonAsync(HttpStatusCode.Created);
        return new World(w, template2, group2, template3);
    }

    private static async Task<long> LogAsync(World w, string template, string date, decimal cost, decimal duration, bool postpone = false) =>
        (await (await w.Log.Client.PostAsync("/api/v1/interactions", new
        {
            contactNo = w.Log.Person, interactionTemplateCode = template, salespersonCode = w.Log.Salesperson, date, costLcy = cost,
            durationMin = duration, postpone,
        })).JsonAsync(HttpStatusCode.Created)).GetProperty("entryNo").GetInt64();

    private static async Task<JsonElement> OverviewAsync(World w, string query = "") =>
        await (await w.Log.Client.GetAsync($"/api/v1/interactionStatistics{query}")).JsonAsync(HttpStatusCode.OK);

    private static JsonElement Row(JsonElement overview, string list, string property, string value) =>
        overview.GetProperty(list).EnumerateArray().Single(r => r.Str(property) == value);

    private static bool HasRow(JsonElement overview, string list, string property, string value) =>
        overview.GetProperty(list).EnumerateArray().Any(r => r.Str(property) == value);

    private static (int Count, decimal Cost, decimal Duration) Figures(JsonElement row) =>
        (row.GetProperty("noOfInteractions").GetInt32(), row.GetProperty("costLcy").GetDecimal(), row.GetProperty("durationMin").GetDecimal());

    private static List<string> InOrder(JsonElement overview, string list, params string[] mine) =>
        overview.GetProperty(list).EnumerateArray().Select(r => r.Str("code")).Where(mine.Contains).ToList();

    [Theory, SqliteData, PostgresData]
    public async Task Counted_interactions_are_summed_by_month_group_and_template_within_the_date_range(string provider)
    {
        var w = await WorldAsync(apps.For(provider));
        var t1 = w.Log.Template;
        await LogAsync(w, t1, "2019-01-10", 2m, 10m);
        await LogAsync(w, t1, "2019-01-20", 3m, 5m);
        await LogAsync(w, t1, "2019-03-05", 1.25m, 15m);
        await LogAsync(w, w.Template2, "2019-03-06", 4m, 20m);
        await LogAsync(w, w.Template3, "2019-02-01", 10m, 30m);
        await LogAsync(w, w.Template3, "2019-02-28", 10.5m, 30m);
        await LogAsync(w, w.Template3, "2018-12-31", 7m, 45m);
        // Neither a canceled nor a postponed entry counts (rules 7 and 26).
        var canceled = await LogAsync(w, t1, "2019-02-15", 100m, 60m);
        await (await w.Log.Client.PostAsync($"/api/v1/interactionLogEntries/{canceled}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        await LogAsync(w, t1, "2019-02-16", 200m, 90m, postpone: true);

        var q1 = await OverviewAsync(w, "?dateFrom=2019-01-01&dateTo=2019-03-31");

        var months = q1.GetProperty("byMonth").EnumerateArray().ToList();
        Assert.Equal(["2019-01", "2019-02", "2019-03"], months.Select(m => m.Str("month")));
        Assert.Equal((2, 5m, 15m), Figures(months[0]));
        Assert.Equal((2, 20.5m, 60m), Figures(months[1]));
        Assert.Equal((2, 5.25m, 35m), Figures(months[2]));
        Assert.Equal((6, 30.75m, 110m), Figures(q1));

        var group = Row(q1, "byGroup", "code", w.Log.Group);
        Assert.Equal("Phone", group.Str("description"));
        Assert.Equal((4, 10.25m, 50m), Figures(group));
        Assert.Equal((2, 20.5m, 60m), Figures(Row(q1, "byGroup", "code", w.Group2)));
        Assert.Equal([w.Log.Group, w.Group2], InOrder(q1, "byGroup", w.Log.Group, w.Group2));

        var template = Row(q1, "byTemplate", "code", t1);
        Assert.Equal("Outgoing call", template.Str("description"));
        Assert.Equal(w.Log.Group, template.Str("interactionGroupCode"));
        Assert.Equal((3, 6.25m, 30m), Figures(template));
        Assert.Equal((1, 4m, 20m), Figures(Row(q1, "byTemplate", "code", w.Template2)));
        Assert.Equal(w.Group2, Row(q1, "byTemplate", "code", w.Template3).Str("interactionGroupCode"));
        Assert.Equal((2, 20.5m, 60m), Figures(Row(q1, "byTemplate", "code", w.Template3)));
        // Most interactions first.
        Assert.Equal([t1, w.Template3, w.Template2], InOrder(q1, "byTemplate", t1, w.Template2, w.Template3));

        // Without a range the entry of 2018 counts as well; from February on, January's do not.
        var all = await OverviewAsync(w);
        Assert.Equal((1, 7m, 45m), Figures(Row(all, "byMonth", "month", "2018-12")));
        Assert.Equal((3, 27.5m, 105m), Figures(Row(all, "byTemplate", "code", w.Template3)));
        var allMonths = all.GetProperty("byMonth").EnumerateArray().Select(m => m.Str("month")).ToList();
        Assert.Equal(allMonths.Order(StringComparer.Ordinal), allMonths);
        var fromFebruary = await OverviewAsync(w, "?dateFrom=2019-02-01");
        Assert.False(HasRow(fromFebruary, "byMonth", "month", "2019-01"));
        Assert.Equal((1, 1.25m, 15m), Figures(Row(fromFebruary, "byTemplate", "code", t1)));
        var untilJanuary = await OverviewAsync(w, "?dateTo=2019-01-31");
        Assert.False(HasRow(untilJanuary, "byMonth", "month", "2019-02"));
        Assert.False(HasRow(untilJanuary, "byTemplate", "code", w.Template2));
        Assert.Equal((2, 5m, 15m), Figures(Row(untilJanuary, "byTemplate", "code", t1)));

        // Un-canceled, the entry counts again.
        await (await w.Log.Client.PostAsync($"/api/v1/interactionLogEntries/{canceled}/uncancel", new { })).JsonAsync(HttpStatusCode.OK);
        var february = await OverviewAsync(w, "?dateFrom=2019-02-01&dateTo=2019-02-28");
        Assert.Equal((3, 120.5m, 120m), Figures(Row(february, "byMonth", "month", "2019-02")));
        Assert.Equal((1, 100m, 60m), Figures(Row(february, "byGroup", "code", w.Log.Group)));
        Assert.Equal((3, 120.5m, 120m), Figures(february));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_range_without_interactions_gives_empty_lists_and_zero_totals(string provider)
    {
        var client = await apps.For(provider).ClientAsync(Roles.Viewer);
        var overview = await (await client.GetAsync("/api/v1/interactionStatistics?dateFrom=1999-01-01&dateTo=1999-12-31")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((0, 0m, 0m), Figures(overview));
        Assert.Empty(overview.GetProperty("byMonth").EnumerateArray());
        Assert.Empty(overview.GetProperty("byGroup").EnumerateArray());
        Assert.Empty(overview.GetProperty("byTemplate").EnumerateArray());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_bad_date_range_is_refused_at_the_field(string provider)
    {
        var client = await apps.For(provider).ClientAsync(Roles.Viewer);
        await (await client.GetAsync("/api/v1/interactionStatistics?dateFrom=2019-03-01&dateTo=2019-02-01")).ProblemAsync(HttpStatusCode.BadRequest, "dateTo");
        await (await client.GetAsync("/api/v1/interactionStatistics?dateFrom=notadate")).ProblemAsync(HttpStatusCode.BadRequest, "dateFrom");
        Assert.Equal(HttpStatusCode.Unauthorized, (await apps.For(provider).Anonymous().GetAsync("/api/v1/interactionStatistics")).StatusCode);
    }
}
