using System.Net;
using System.Text.Json;
using Touchpoint.Core.Common;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.IntegrationTests.Segments;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Campaigns;

/// <summary>
/// Campaign entries (BC table 5072): listed with their FlowFields, canceled and un-canceled with their interaction log
/// entries (rules 30–31), deleted with them when canceled (rule 35); the statistics equal the log's sums after each step.
/// </summary>
public sealed class CampaignEntriesTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private sealed record World(InteractionWorld W, string Campaign)
    {
        public HttpClient Client => W.Client;
    }

    private async Task<World> WorldAsync(string provider, object? template = null)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider), template);
        var campaign = (await (await w.Client.PostAsync("/api/v1/campaigns", new { description = "Spring mailing" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        return new World(w, campaign);
    }

    private Task AssertTotalsMatchLogAsync(string provider, World w) =>
        TotalsAssert.MatchLogAsync(apps.For(provider), w.W.Template, w.W.Group, w.W.Salesperson, w.Campaign);

    /// <summary>One interaction through the wizard's finish: it gets a campaign entry of its own (rule 47).</summary>
    private static async Task<long> LogAsync(World w, string date, object? comments = null) =>
        (await (await w.Client.PostAsync("/api/v1/interactions", new
        {
            contactNo = w.W.Person, interactionTemplateCode = w.W.Template, salespersonCode = w.W.Salesperson, date, campaignNo = w.Campaign,
            campaignTarget = true, comments,
        })).JsonAsync(HttpStatusCode.Created)).GetProperty("campaignEntryNo").GetInt64();

    /// <summary>A segment of the company and its person logged with the campaign: one campaign entry for both (rule 43).</summary>
    private static async Task<(long CampaignEntryNo, long LoggedSegmentEntryNo, string SegmentNo)> LogSegmentAsync(World w)
    {
        var segment = await SegmentLogTests.SegmentAsync(w.W, new { description = "Spring letters", campaignNo = w.Campaign, campaignTarget = true, date = "2026-03-10" });
        await SegmentLogTests.AddAsync(w.W, segment, new { contactNos = new[] { w.W.Company, w.W.Person } });
        var logged = (await (await w.Client.PostAsync($"/api/v1/segments/{segment}/log", new { })).JsonAsync(HttpStatusCode.OK))
            .GetProperty("loggedSegmentEntryNo").GetInt64();
        var entries = await SegmentLogTests.EntriesAsync(w.W, $"loggedSegmentEntryNo={logged}");
        return (entries.Select(e => e.GetProperty("campaignEntryNo").GetInt64()).Distinct().Single(), logged, segment);
    }

    private static async Task<JsonElement[]> ListAsync(World w, string query = "") =>
        [.. (await (await w.Client.GetAsync($"/api/v1/campaignEntries?campaignNo={w.Campaign}{query}")).JsonAsync(HttpStatusCode.OK)).GetProperty("value").EnumerateArray()];

    private static async Task<JsonElement> GetAsync(World w, long entryNo) =>
        await (await w.Client.GetAsync($"/api/v1/campaignEntries/{entryNo}")).JsonAsync(HttpStatusCode.OK);

    private static async Task<JsonElement[]> InteractionsAsync(World w, long campaignEntryNo) =>
        [.. (await SegmentLogTests.EntriesAsync(w.W, $"campaignNo={w.Campaign}")).Where(e => e.GetProperty("campaignEntryNo").GetInt64() == campaignEntryNo)];

    [Theory, SqliteData, PostgresData]
    public async Task A_campaigns_entries_list_newest_first_in_keyset_pages_with_their_interactions_counted(string provider)
    {
        var w = await WorldAsync(provider);
        var first = await LogAsync(w, "2026-03-01");
        var second = await LogAsync(w, "2026-03-02");
        var (segmentEntry, _, segmentNo) = await LogSegmentAsync(w);
        // Another campaign's entry is not in this campaign's list.
        var other = await WorldAsync(provider);
        await LogAsync(other, "2026-03-03");

        var page = await (await w.Client.GetAsync($"/api/v1/campaignEntries?campaignNo={w.Campaign.ToLowerInvariant()}&limit=2")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([segmentEntry, second], page.GetProperty("value").EnumerateArray().Select(e => e.GetProperty("entryNo").GetInt64()));
        var cursor = page.Str("nextCursor");
        var rest = await ListAsync(w, $"&limit=2&cursor={cursor}");
        Assert.Equal([first], rest.Select(e => e.GetProperty("entryNo").GetInt64()));

        var entry = await GetAsync(w, segmentEntry);
        Assert.Equal(w.Campaign, entry.Str("campaignNo"));
        Assert.Equal("Spring letters", entry.Str("description"));
        Assert.Equal("2026-03-10", entry.Str("date"));
        Assert.Equal(segmentNo, entry.Str("segmentNo"));
        Assert.Equal(w.W.Salesperson, entry.Str("salespersonCode"));
        Assert.False(string.IsNullOrEmpty(entry.Str("userId")));
        Assert.False(entry.GetProperty("canceled").GetBoolean());
        Assert.Equal(2, entry.GetProperty("noOfInteractions").GetInt32());
        Assert.Equal(3m, entry.GetProperty("costLcy").GetDecimal());
        Assert.Equal(30m, entry.GetProperty("durationMin").GetDecimal());
        var single = await GetAsync(w, first);
        Assert.Equal("Interactions", single.Str("description"));
        Assert.Equal(JsonValueKind.Null, single.GetProperty("segmentNo").ValueKind);
        Assert.Equal(1, single.GetProperty("noOfInteractions").GetInt32());

        // A viewer reads them; every list of every campaign is there without a filter too.
        var viewer = await apps.For(provider).ClientAsync(Roles.Viewer);
        await (await viewer.GetAsync($"/api/v1/campaignEntries?campaignNo={w.Campaign}")).JsonAsync(HttpStatusCode.OK);
        await (await viewer.GetAsync($"/api/v1/campaignEntries/{first}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync($"/api/v1/campaignEntries/{first}/cancel", new { })).StatusCode);
        Assert.True((await (await w.Client.GetAsync("/api/v1/campaignEntries?limit=1000")).JsonAsync(HttpStatusCode.OK)).GetProperty("value").GetArrayLength() >= 4);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Canceling_a_campaign_entry_cancels_its_interactions_once_and_uncanceling_brings_them_back(string provider)
    {
        var w = await WorldAsync(provider);
        var (segmentEntry, _, _) = await LogSegmentAsync(w);
        var kept = await LogAsync(w, "2026-03-11");
        await AssertTotalsMatchLogAsync(provider, w);

        var canceled = await (await w.Client.PostAsync($"/api/v1/campaignEntries/{segmentEntry}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.True(canceled.GetProperty("canceled").GetBoolean());
        // BC's FlowField counts the entries with the campaign entry's own Canceled: both, now canceled.
        Assert.Equal(2, canceled.GetProperty("noOfInteractions").GetInt32());
        var entries = await InteractionsAsync(w, segmentEntry);
        Assert.Equal(2, entries.Length);
        Assert.All(entries, e => Assert.True(e.GetProperty("canceled").GetBoolean()));
        Assert.False((await InteractionsAsync(w, kept)).Single().GetProperty("canceled").GetBoolean());
        await AssertTotalsMatchLogAsync(provider, w);
        var stats = await (await w.Client.GetAsync($"/api/v1/campaigns/{w.Campaign}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, stats.GetProperty("targetContactsContacted").GetInt32());

        // Canceling again changes nothing and counts nothing twice; one entry cannot come back on its own (rule 30).
        await (await w.Client.PostAsync($"/api/v1/campaignEntries/{segmentEntry}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        await AssertTotalsMatchLogAsync(provider, w);
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entries[0].GetProperty("entryNo").GetInt64()}/uncancel", new { }))
            .ProblemAsync(HttpStatusCode.Conflict);

        var back = await (await w.Client.PostAsync($"/api/v1/campaignEntries/{segmentEntry}/uncancel", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.False(back.GetProperty("canceled").GetBoolean());
        Assert.Equal(2, back.GetProperty("noOfInteractions").GetInt32());
        Assert.All(await InteractionsAsync(w, segmentEntry), e => Assert.False(e.GetProperty("canceled").GetBoolean()));
        await AssertTotalsMatchLogAsync(provider, w);
        stats = await (await w.Client.GetAsync($"/api/v1/campaigns/{w.Campaign}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, stats.GetProperty("targetContactsContacted").GetInt32());

        // An entry canceled on its own before comes back with its campaign entry (rule 31 mass-sets them all).
        var one = entries[1].GetProperty("entryNo").GetInt64();
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{one}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, (await GetAsync(w, segmentEntry)).GetProperty("noOfInteractions").GetInt32());
        await (await w.Client.PostAsync($"/api/v1/campaignEntries/{segmentEntry}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        await (await w.Client.PostAsync($"/api/v1/campaignEntries/{segmentEntry}/uncancel", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, (await GetAsync(w, segmentEntry)).GetProperty("noOfInteractions").GetInt32());
        await AssertTotalsMatchLogAsync(provider, w);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_campaign_entry_of_a_canceled_logged_segment_cannot_be_uncanceled_on_its_own(string provider)
    {
        var w = await WorldAsync(provider);
        var (segmentEntry, logged, _) = await LogSegmentAsync(w);
        await (await w.Client.PostAsync($"/api/v1/loggedSegments/{logged}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.True((await GetAsync(w, segmentEntry)).GetProperty("canceled").GetBoolean());

        await (await w.Client.PostAsync($"/api/v1/campaignEntries/{segmentEntry}/uncancel", new { })).ProblemAsync(HttpStatusCode.Conflict);
        Assert.True((await GetAsync(w, segmentEntry)).GetProperty("canceled").GetBoolean());
        Assert.All(await InteractionsAsync(w, segmentEntry), e => Assert.True(e.GetProperty("canceled").GetBoolean()));
        await AssertTotalsMatchLogAsync(provider, w);

        // Un-canceling the logged segment brings the campaign entry back with it.
        await (await w.Client.PostAsync($"/api/v1/loggedSegments/{logged}/uncancel", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.False((await GetAsync(w, segmentEntry)).GetProperty("canceled").GetBoolean());
        await AssertTotalsMatchLogAsync(provider, w);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Many_requests_canceling_one_campaign_entry_at_once_take_its_interactions_off_the_statistics_once(string provider)
    {
        var w = await WorldAsync(provider);
        var (segmentEntry, _, _) = await LogSegmentAsync(w);
        var app = apps.For(provider);
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.ClientAsync(Roles.Sales)));

        var responses = await Task.WhenAll(clients.Select(c => c.PostAsync($"/api/v1/campaignEntries/{segmentEntry}/cancel", new { })));
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        await AssertTotalsMatchLogAsync(provider, w);
        var template = await (await w.Client.GetAsync($"/api/v1/interactionTemplates/{w.W.Template}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, template.GetProperty("noOfInteractions").GetInt32());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Deleting_canceled_campaign_entries_deletes_their_interactions_comments_and_unused_attachments(string provider)
    {
        var w = await WorldAsync(provider, new { languageCodeDefault = "ENU" });
        await (await w.W.Admin.PutAsync($"/api/v1/interactionTemplates/{w.W.Template}/languages/ENU/attachment",
            Files.Form("letter.docx", Files.Docx($"Letter {Guid.NewGuid()}")))).JsonAsync(HttpStatusCode.OK);
        var gone = await LogAsync(w, "2026-04-01", new[] { "Called back", "Sent the brochure" });
        var stays = await LogAsync(w, "2026-04-02", new[] { "Stays" });
        var goneEntry = (await InteractionsAsync(w, gone)).Single();
        Assert.True(goneEntry.GetProperty("hasAttachment").GetBoolean());
        var other = await WorldAsync(provider);
        var otherCanceled = await LogAsync(other, "2026-04-03");
        await (await w.Client.PostAsync($"/api/v1/campaignEntries/{otherCanceled}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        await (await w.Client.PostAsync($"/api/v1/campaignEntries/{gone}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        var before = await PostponedAndDeleteTests.CountAsync(apps.For(provider));

        var result = await (await w.Client.PostAsync("/api/v1/campaignEntries/deleteCanceled", new { campaignNo = w.Campaign })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, result.GetProperty("deleted").GetInt32());
        await (await w.Client.GetAsync($"/api/v1/campaignEntries/{gone}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await w.Client.GetAsync($"/api/v1/interactionLogEntries/{goneEntry.GetProperty("entryNo").GetInt64()}")).ProblemAsync(HttpStatusCode.NotFound);
        var after = await PostponedAndDeleteTests.CountAsync(apps.For(provider));
        Assert.Equal((before.Entries - 1, before.Comments - 2, before.Attachments - 1), (after.Entries, after.Comments, after.Attachments));
        // The letter's bytes stay: the template and the other entry still use them.
        Assert.Equal(before.Contents, after.Contents);
        Assert.True((await InteractionsAsync(w, stays)).Single().GetProperty("hasAttachment").GetBoolean());
        Assert.Equal([stays], (await ListAsync(w)).Select(e => e.GetProperty("entryNo").GetInt64()));
        // Another campaign's canceled entry is not this campaign's.
        await GetAsync(other, otherCanceled);
        await AssertTotalsMatchLogAsync(provider, w);

        var none = await (await w.Client.PostAsync("/api/v1/campaignEntries/deleteCanceled", new { campaignNo = w.Campaign })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, none.GetProperty("deleted").GetInt32());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Bad_input_is_a_400_at_the_field_and_unknown_entries_or_campaigns_a_404(string provider)
    {
        var w = await WorldAsync(provider);
        var entry = await LogAsync(w, "2026-05-01");
        var tooLong = new string('C', 21);

        await (await w.Client.GetAsync($"/api/v1/campaignEntries?campaignNo={tooLong}")).ProblemAsync(HttpStatusCode.BadRequest, "campaignNo");
        await (await w.Client.GetAsync("/api/v1/campaignEntries?campaignNo=NOSUCHCAMPAIGN")).ProblemAsync(HttpStatusCode.NotFound);
        await (await w.Client.GetAsync($"/api/v1/campaignEntries?campaignNo={w.Campaign}&cursor=bm9wZQ")).ProblemAsync(HttpStatusCode.BadRequest, "cursor");
        await (await w.Client.GetAsync($"/api/v1/campaignEntries?campaignNo={w.Campaign}&limit=0")).ProblemAsync(HttpStatusCode.BadRequest, "limit");
        await (await w.Client.GetAsync("/api/v1/campaignEntries/999999999")).ProblemAsync(HttpStatusCode.NotFound);
        await (await w.Client.PostAsync("/api/v1/campaignEntries/999999999/cancel", new { })).ProblemAsync(HttpStatusCode.NotFound);
        await (await w.Client.PostAsync("/api/v1/campaignEntries/999999999/uncancel", new { })).ProblemAsync(HttpStatusCode.NotFound);

        await (await w.Client.PostAsync("/api/v1/campaignEntries/deleteCanceled", new { })).ProblemAsync(HttpStatusCode.BadRequest, "campaignNo");
        await (await w.Client.PostAsync("/api/v1/campaignEntries/deleteCanceled", new { campaignNo = 7 })).ProblemAsync(HttpStatusCode.BadRequest, "campaignNo");
        await (await w.Client.PostAsync("/api/v1/campaignEntries/deleteCanceled", new { campaignNo = tooLong })).ProblemAsync(HttpStatusCode.BadRequest, "campaignNo");
        await (await w.Client.PostAsync("/api/v1/campaignEntries/deleteCanceled", new { campaignNo = w.Campaign, contactNo = "X" })).ProblemAsync(HttpStatusCode.BadRequest, "contactNo");
        await (await w.Client.PostAsync("/api/v1/campaignEntries/deleteCanceled", new { campaignNo = "NOSUCHCAMPAIGN" })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.False((await GetAsync(w, entry)).GetProperty("canceled").GetBoolean());
    }
}
