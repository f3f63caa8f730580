using System.Net;
using System.Text.Json;
using Touchpoint.Core.Common;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.IntegrationTests.Segments;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Audit;

/// <summary>
/// The audit trail (GET /api/v1/auditEntries, admin): every cancel and un-cancel, deletion, delete of canceled entries and
/// change of the interaction template setup is there, with who did it and when, newest first.
/// </summary>
public sealed class AuditTrailTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private const string SalesUser = "sales@test.local";

    internal static async Task<JsonElement[]> AuditAsync(HttpClient admin, string query) =>
        [.. (await (await admin.GetAsync($"/api/v1/auditEntries?{query}")).JsonAsync(HttpStatusCode.OK)).GetProperty("value").EnumerateArray()];

    private static long Key(JsonElement audit) => long.Parse(audit.Str("key"), System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<long> LogAsync(InteractionWorld w, string date = "2026-03-02") =>
        (await (await w.Client.PostAsync("/api/v1/interactions", new
        {
            contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, date,
        })).JsonAsync(HttpStatusCode.Created)).GetProperty("entryNo").GetInt64();

    [Theory, SqliteData, PostgresData]
    public async Task Cancel_uncancel_and_the_delete_of_canceled_entries_are_recorded_with_the_user_newest_first(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var entry = await LogAsync(w);
        var started = DateTimeOffset.UtcNow.AddSeconds(-5);
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entry}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entry}/uncancel", new { })).JsonAsync(HttpStatusCode.OK);
        await (await w.Client.PostAsync("/api/v1/interactionLogEntries/cancel", new { entryNos = new[] { entry } })).JsonAsync(HttpStatusCode.OK);
        var deleted = await (await w.Client.PostAsync("/api/v1/interactionLogEntries/deleteCanceled", new { contactNo = w.Person })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, deleted.GetProperty("deleted").GetInt32());

        var trail = await AuditAsync(w.Admin, $"entity=interactionLogEntry&key={entry}");
        Assert.Equal(["cancel", "uncancel", "cancel"], trail.Select(a => a.Str("action")));
        Assert.All(trail, a => Assert.Equal(SalesUser, a.Str("userId")));
        Assert.All(trail, a => Assert.InRange(a.GetProperty("at").GetDateTimeOffset(), started, DateTimeOffset.UtcNow.AddSeconds(5)));
        Assert.True(trail[0].GetProperty("entryNo").GetInt64() > trail[1].GetProperty("entryNo").GetInt64());

        var batch = (await AuditAsync(w.Admin, "entity=interactionLogEntry")).First(a => a.Str("action") == "deleteCanceled");
        Assert.Contains("deleted=1", batch.Str("details"));
        Assert.Contains($"contactNo={w.Person}", batch.Str("details"));
        Assert.Equal(SalesUser, batch.Str("userId"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Logged_segment_and_campaign_entry_cancels_their_deletes_and_a_postponed_delete_are_recorded(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var campaign = (await (await w.Client.PostAsync("/api/v1/campaigns", new { description = "Audit mailing" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        var segment = await SegmentLogTests.SegmentAsync(w, new { description = "Audit letters", campaignNo = campaign, date = "2026-03-10" });
        await SegmentLogTests.AddAsync(w, segment, new { contactNos = new[] { w.Person } });
        var logged = (await (await w.Client.PostAsync($"/api/v1/segments/{segment}/log", new { })).JsonAsync(HttpStatusCode.OK))
            .GetProperty("loggedSegmentEntryNo").GetInt64();
        var campaignEntry = (await SegmentLogTests.EntriesAsync(w, $"loggedSegmentEntryNo={logged}"))[0].GetProperty("campaignEntryNo").GetInt64();
        await (await w.Client.PostAsync($"/api/v1/campaignEntries/{campaignEntry}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        await (await w.Client.PostAsync($"/api/v1/campaignEntries/{campaignEntry}/uncancel", new { })).JsonAsync(HttpStatusCode.OK);
        await (await w.Client.PostAsync($"/api/v1/loggedSegments/{logged}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        await (await w.Client.PostAsync("/api/v1/loggedSegments/deleteCanceled", new { })).JsonAsync(HttpStatusCode.OK);
        await (await w.Client.PostAsync("/api/v1/campaignEntries/deleteCanceled", new { campaignNo = campaign })).JsonAsync(HttpStatusCode.OK);
        var postponed = (await (await w.Client.PostAsync("/api/v1/interactions", new
        {
            contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, postpone = true,
        })).JsonAsync(HttpStatusCode.Created)).GetProperty("entryNo").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await w.Client.DeleteAsync($"/api/v1/postponedInteractions/{postponed}")).StatusCode);

        Assert.Equal(["uncancel", "cancel"], (await AuditAsync(w.Admin, $"entity=campaignEntry&key={campaignEntry}")).Select(a => a.Str("action")));
        Assert.Equal(["cancel"], (await AuditAsync(w.Admin, $"entity=loggedSegment&key={logged}")).Select(a => a.Str("action")));
        Assert.Contains(await AuditAsync(w.Admin, "entity=loggedSegment"), a => a.Str("action") == "deleteCanceled");
        Assert.Contains(await AuditAsync(w.Admin, "entity=campaignEntry"),
            a => a.Str("action") == "deleteCanceled" && a.Str("details")!.Contains($"campaignNo={campaign}", StringComparison.Ordinal));
        var deletedPostponed = Assert.Single(await AuditAsync(w.Admin, $"entity=postponedInteraction&key={postponed}"));
        Assert.Equal("delete", deletedPostponed.Str("action"));
        Assert.Equal(SalesUser, deletedPostponed.Str("userId"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Template_setup_changes_and_deletes_of_templates_and_segments_are_recorded(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var setup = await (await w.Admin.GetAsync("/api/v1/interactionTemplateSetup")).JsonAsync(HttpStatusCode.OK);
        var before = setup.Str("serviceQuote");
        await (await w.Admin.PatchAsync("/api/v1/interactionTemplateSetup", new { serviceQuote = w.Template })).JsonAsync(HttpStatusCode.OK);
        var change = (await AuditAsync(w.Admin, "entity=interactionTemplateSetup"))[0];
        Assert.Equal("change", change.Str("action"));
        Assert.Equal(TouchpointApp.AdminEmail, change.Str("userId"));
        Assert.Contains($"serviceQuote={before ?? "-"} -> {w.Template}", change.Str("details"));
        await (await w.Admin.PatchAsync("/api/v1/interactionTemplateSetup", new { serviceQuote = before })).JsonAsync(HttpStatusCode.OK);

        var segment = await SegmentLogTests.SegmentAsync(w, new { description = "Doomed" });
        Assert.Equal(HttpStatusCode.NoContent, (await w.Client.DeleteAsync($"/api/v1/segments/{segment}")).StatusCode);
        var deletedSegment = Assert.Single(await AuditAsync(w.Admin, $"entity=segment&key={segment}"));
        Assert.Equal(SalesUser, deletedSegment.Str("userId"));
        Assert.Contains("description=Doomed", deletedSegment.Str("details"));

        var template = Unique.Code("X")[..9];
        await (await w.Admin.PostAsync("/api/v1/interactionTemplates", new { code = template, interactionGroupCode = w.Group })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.NoContent, (await w.Admin.DeleteAsync($"/api/v1/interactionTemplates/{template}")).StatusCode);
        Assert.Equal("delete", Assert.Single(await AuditAsync(w.Admin, $"entity=interactionTemplate&key={template.ToLowerInvariant()}")).Str("action"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_audit_trail_is_for_admins_keyset_paged_and_filtered_by_user_and_date(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        var entries = new[] { await LogAsync(w), await LogAsync(w), await LogAsync(w) };
        foreach (var entry in entries)
        {
            await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entry}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await w.Client.GetAsync("/api/v1/auditEntries")).StatusCode);
        var viewer = await app.ClientAsync(Roles.Viewer);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.GetAsync("/api/v1/auditEntries")).StatusCode);

        var first = await (await w.Admin.GetAsync($"/api/v1/auditEntries?userId={SalesUser}&limit=2")).JsonAsync(HttpStatusCode.OK);
        var page1 = first.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal([entries[2], entries[1]], page1.Select(Key));
        var second = await (await w.Admin.GetAsync($"/api/v1/auditEntries?userId={SalesUser}&limit=2&cursor={first.Str("nextCursor")}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(entries[0], Key(second.GetProperty("value")[0]));
        Assert.All(page1.Concat(second.GetProperty("value").EnumerateArray()), a => Assert.Equal(SalesUser, a.Str("userId")));

        var today = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.NotEmpty(await AuditAsync(w.Admin, $"dateFrom={today}&dateTo={tomorrow}&entity=interactionLogEntry&key={entries[0]}"));
        Assert.Empty(await AuditAsync(w.Admin, $"dateFrom={tomorrow}&entity=interactionLogEntry&key={entries[0]}"));
        Assert.Empty(await AuditAsync(w.Admin, "userId=nobody@test.local"));
        await (await w.Admin.GetAsync($"/api/v1/auditEntries?dateFrom={tomorrow}&dateTo={today}")).ProblemAsync(HttpStatusCode.BadRequest, "dateTo");
        await (await w.Admin.GetAsync("/api/v1/auditEntries?cursor=nonsense")).ProblemAsync(HttpStatusCode.BadRequest, "cursor");
        await (await w.Admin.GetAsync("/api/v1/auditEntries?limit=0")).ProblemAsync(HttpStatusCode.BadRequest, "limit");
    }
}
