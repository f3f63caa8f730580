using System.Net;
using System.Text.Json;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Segments;

public sealed class SegmentLogTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory, SqliteData, PostgresData]
    public async Task Logging_writes_an_entry_per_line_as_personalised_a_campaign_entry_and_a_follow_up_and_removes_the_segment(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var campaign = (await (await w.Client.PostAsync("/api/v1/campaigns", new { description = "Winter" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        var other = await OtherTemplateAsync(w);
        var no = await SegmentAsync(w, new { description = "Winter calls", campaignNo = campaign, campaignTarget = true, date = "2026-11-02" });
        await AddAsync(w, no, new { contactNos = new[] { w.Company, w.Person } });
        await (await w.Client.PatchAsync($"/api/v1/segments/{no}/lines/20000", new
        {
            interactionTemplateCode = other, description = "Personal visit", costLcy = 40, durationMin = 90,
        })).JsonAsync(HttpStatusCode.OK);

        var result = await (await w.Client.PostAsync($"/api/v1/segments/{no}/log", new { createFollowUpSegment = true })).JsonAsync(HttpStatusCode.OK);
        var logged = result.GetProperty("loggedSegmentEntryNo").GetInt64();
        Assert.Equal(2, result.GetProperty("noOfInteractions").GetInt32());

        var entries = await EntriesAsync(w, $"loggedSegmentEntryNo={logged}");
        Assert.Equal(2, entries.Length);
        var company = entries.Single(e => e.Str("contactNo") == w.Company);
        Assert.Equal((w.Template, w.Group, "Winter calls", 1.5m, 15m), (company.Str("interactionTemplateCode"), company.Str("interactionGroupCode"),
            company.Str("description"), company.GetProperty("costLcy").GetDecimal(), company.GetProperty("durationMin").GetDecimal()));
        var person = entries.Single(e => e.Str("contactNo") == w.Person);
        Assert.Equal((other, "Personal visit", 40m, 90m), (person.Str("interactionTemplateCode"), person.Str("description"),
            person.GetProperty("costLcy").GetDecimal(), person.GetProperty("durationMin").GetDecimal()));
        Assert.All(entries, e =>
        {
            Assert.Equal(no, e.Str("segmentNo"));
            Assert.Equal("2026-11-02", e.Str("date"));
            Assert.Equal(w.Salesperson, e.Str("salespersonCode"));
            Assert.Equal(campaign, e.Str("campaignNo"));
            Assert.Equal("none", e.Str("deliveryStatus"));
        });
        // The header's campaign target reaches the company's line; the person's took its own template's (rule 40).
        Assert.True(company.GetProperty("campaignTarget").GetBoolean());
        Assert.False(person.GetProperty("campaignTarget").GetBoolean());
        // Rule 43: one campaign entry for the campaign, registered to the logged segment.
        Assert.Single(entries.Select(e => e.GetProperty("campaignEntryNo").GetInt64()).Distinct());

        var loggedSegment = await (await w.Client.GetAsync($"/api/v1/loggedSegments/{logged}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal((no, "Winter calls", 2, 1, false), (loggedSegment.Str("segmentNo"), loggedSegment.Str("description"),
            loggedSegment.GetProperty("noOfInteractions").GetInt32(), loggedSegment.GetProperty("noOfCampaignEntries").GetInt32(),
            loggedSegment.GetProperty("canceled").GetBoolean()));
        var stats = await (await w.Client.GetAsync($"/api/v1/campaigns/{campaign}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, stats.GetProperty("targetContactsContacted").GetInt32());
        Assert.Equal(41.5m, stats.GetProperty("costLcy").GetDecimal());

        // Rule 45: the segment is gone; the follow-up has the same contacts and campaign.
        await (await w.Client.GetAsync($"/api/v1/segments/{no}")).ProblemAsync(HttpStatusCode.NotFound);
        var followUpNo = result.Str("followUpSegmentNo");
        var followUp = await (await w.Client.GetAsync($"/api/v1/segments/{followUpNo}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(($"Follow-up on segment {no}", campaign, 2), (followUp.Str("description"), followUp.Str("campaignNo"), followUp.GetProperty("noOfLines").GetInt32()));
        var lines = (await (await w.Client.GetAsync($"/api/v1/segments/{followUpNo}/lines")).JsonAsync(HttpStatusCode.OK)).GetProperty("value").EnumerateArray().ToList();
        Assert.Equal([w.Company, w.Person], lines.Select(l => l.Str("contactNo")).Order());
        Assert.Equal([10000, 20000], lines.Select(l => l.GetProperty("lineNo").GetInt32()));

        // Rule 43: logging it again is refused, also when a new segment takes the same number.
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/log", new { })).ProblemAsync(HttpStatusCode.Conflict);
        await SegmentAsync(w, new { no, description = "Same number" });
        await AddAsync(w, no, new { contactNos = new[] { w.Person } });
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/log", new { })).ProblemAsync(HttpStatusCode.Conflict);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_failing_line_fails_the_whole_log_naming_the_line_and_nothing_is_written(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var campaign = (await (await w.Client.PostAsync("/api/v1/campaigns", new { description = "None of it" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        var no = await SegmentAsync(w, new { description = "Broken", campaignNo = campaign });
        await AddAsync(w, no, new { contactNos = new[] { w.Company, w.Person } });
        await (await w.Client.PatchAsync($"/api/v1/segments/{no}/lines/20000", new { salespersonCode = (string?)null })).JsonAsync(HttpStatusCode.OK);
        var before = await LinesTextAsync(w, no);

        var problem = await (await w.Client.PostAsync($"/api/v1/segments/{no}/log", new { createFollowUpSegment = true })).ProblemAsync(HttpStatusCode.BadRequest, "lines[20000].salespersonCode");
        Assert.Contains("20000", problem.GetRawText());
        Assert.Equal(before, await LinesTextAsync(w, no));
        Assert.Empty(await EntriesAsync(w, $"segmentNo={no}"));
        Assert.Empty(await LoggedAsync(w, no));
        var stats = await (await w.Client.GetAsync($"/api/v1/campaigns/{campaign}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0m, stats.GetProperty("costLcy").GetDecimal());
        var segments = await (await w.Client.GetAsync($"/api/v1/segments?search={Uri.EscapeDataString($"Follow-up on segment {no}")}")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(segments.GetProperty("value").EnumerateArray());
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_email_line_without_an_address_fails_when_sending_and_is_logged_without_type_otherwise(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var mailed = (await (await w.Client.PostAsync("/api/v1/contacts", new { type = "person", name = "Mia Mail", email = "mia@example.com" }))
            .JsonAsync(HttpStatusCode.Created)).Str("no");
        var no = await SegmentAsync(w, new { description = "Mailing", correspondenceTypeDefault = "email", ignoreContactCorresType = true });
        await AddAsync(w, no, new { contactNos = new[] { mailed, w.Person } });
        var personLine = (await LinesAsync(w, no)).Single(l => l.Str("contactNo") == w.Person).GetProperty("lineNo").GetInt32();

        await (await w.Client.PostAsync($"/api/v1/segments/{no}/log", new { send = true })).ProblemAsync(HttpStatusCode.BadRequest, $"lines[{personLine}].contactNo");
        Assert.Equal(2, (await LinesAsync(w, no)).Length);
        Assert.Empty(await EntriesAsync(w, $"segmentNo={no}"));

        var result = await (await w.Client.PostAsync($"/api/v1/segments/{no}/log", new { send = false })).JsonAsync(HttpStatusCode.OK);
        var entries = await EntriesAsync(w, $"loggedSegmentEntryNo={result.GetProperty("loggedSegmentEntryNo").GetInt64()}");
        Assert.Equal("email", entries.Single(e => e.Str("contactNo") == mailed).Str("correspondenceType"));
        Assert.Equal("none", entries.Single(e => e.Str("contactNo") == w.Person).Str("correspondenceType"));
        Assert.All(entries, e => Assert.Equal("none", e.Str("deliveryStatus")));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Sending_a_line_with_a_correspondence_type_but_no_attachment_fails_the_whole_log(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var mailed = (await (await w.Client.PostAsync("/api/v1/contacts", new { type = "person", name = "Sven Send", email = "sven@example.com" }))
            .JsonAsync(HttpStatusCode.Created)).Str("no");
        var no = await SegmentAsync(w, new { description = "Sending", correspondenceTypeDefault = "hardCopy", ignoreContactCorresType = true });
        await AddAsync(w, no, new { contactNos = new[] { mailed, w.Person } });
        var lines = await LinesAsync(w, no);
        var mailedLine = lines.Single(l => l.Str("contactNo") == mailed).GetProperty("lineNo").GetInt32();
        var personLine = lines.Single(l => l.Str("contactNo") == w.Person).GetProperty("lineNo").GetInt32();
        await (await w.Client.PatchAsync($"/api/v1/segments/{no}/lines/{personLine}", new { correspondenceType = "none" })).JsonAsync(HttpStatusCode.OK);

        // Rule 48: a line to send needs something to send; the line without a correspondence type is not sent.
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/log", new { send = true }))
            .ProblemAsync(HttpStatusCode.BadRequest, $"lines[{mailedLine}].interactionTemplateCode");
        Assert.Equal(2, (await LinesAsync(w, no)).Length);
        Assert.Empty(await EntriesAsync(w, $"segmentNo={no}"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_empty_or_unknown_segment_or_a_wrong_body_logs_nothing(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var no = await SegmentAsync(w, new { description = "Nobody" });
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/log", new { })).ProblemAsync(HttpStatusCode.Conflict);
        await (await w.Client.PostAsync("/api/v1/segments/NOSUCH/log", new { })).ProblemAsync(HttpStatusCode.NotFound);
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/log", new { send = "yes" })).ProblemAsync(HttpStatusCode.BadRequest, "send");
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/log", new { followUp = true })).ProblemAsync(HttpStatusCode.BadRequest, "followUp");
        var unnamed = await SegmentAsync(w, new { });
        await AddAsync(w, unnamed, new { contactNos = new[] { w.Person } });
        await (await w.Client.PostAsync($"/api/v1/segments/{unnamed}/log", new { })).ProblemAsync(HttpStatusCode.BadRequest, "description");
        Assert.Empty(await LoggedAsync(w, no));
        Assert.Empty(await LoggedAsync(w, unnamed));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Of_two_simultaneous_logs_of_one_segment_one_succeeds_and_the_other_gets_409(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var city = Unique.Code("C");
        for (var i = 0; i < 20; i++)
        {
            await (await w.Client.PostAsync("/api/v1/contacts", new { type = "person", name = $"Twin {i}", city })).JsonAsync(HttpStatusCode.Created);
        }
        var no = await SegmentAsync(w, new { description = "Twice" });
        await AddAsync(w, no, new { city });
        var second = await apps.For(provider).ClientAsync(Touchpoint.Core.Common.Roles.Sales);

        var answers = await Task.WhenAll(
            w.Client.PostAsync($"/api/v1/segments/{no}/log", new { }),
            second.PostAsync($"/api/v1/segments/{no}/log", new { }));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], answers.Select(a => a.StatusCode).Order());
        var logged = Assert.Single(await LoggedAsync(w, no));
        Assert.Equal(20, logged.GetProperty("noOfInteractions").GetInt32());
        Assert.Equal(20, (await EntriesAsync(w, $"segmentNo={no}")).Length);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Canceling_a_logged_segment_cancels_its_entries_and_campaign_entries_and_blocks_uncanceling_one_entry(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var campaign = (await (await w.Client.PostAsync("/api/v1/campaigns", new { description = "Undone" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        var no = await SegmentAsync(w, new { description = "To cancel", campaignNo = campaign, campaignTarget = true });
        await AddAsync(w, no, new { contactNos = new[] { w.Company, w.Person } });
        var logged = (await (await w.Client.PostAsync($"/api/v1/segments/{no}/log", new { })).JsonAsync(HttpStatusCode.OK))
            .GetProperty("loggedSegmentEntryNo").GetInt64();
        var templateStats = $"/api/v1/interactionTemplates/{w.Template}/statistics";
        Assert.Equal(2, (await (await w.Client.GetAsync(templateStats)).JsonAsync(HttpStatusCode.OK)).GetProperty("noOfInteractions").GetInt32());

        var canceled = await (await w.Client.PostAsync($"/api/v1/loggedSegments/{logged}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.True(canceled.GetProperty("canceled").GetBoolean());
        Assert.Equal((2, 1), (canceled.GetProperty("noOfInteractions").GetInt32(), canceled.GetProperty("noOfCampaignEntries").GetInt32()));
        var entries = await EntriesAsync(w, $"loggedSegmentEntryNo={logged}");
        Assert.All(entries, e => Assert.True(e.GetProperty("canceled").GetBoolean()));
        Assert.Equal(0, (await (await w.Client.GetAsync(templateStats)).JsonAsync(HttpStatusCode.OK)).GetProperty("noOfInteractions").GetInt32());
        Assert.Equal(0, (await (await w.Client.GetAsync($"/api/v1/campaigns/{campaign}/statistics")).JsonAsync(HttpStatusCode.OK)).GetProperty("targetContactsContacted").GetInt32());
        // Rule 30: one entry cannot come back while its logged segment (and campaign entry) is canceled.
        await (await w.Client.PostAsync("/api/v1/interactionLogEntries/uncancel", new { entryNos = new[] { entries[0].GetProperty("entryNo").GetInt64() } }))
            .ProblemAsync(HttpStatusCode.Conflict);
        // Canceling again changes nothing, and counts nothing twice.
        await (await w.Client.PostAsync($"/api/v1/loggedSegments/{logged}/cancel", new { })).JsonAsync(HttpStatusCode.OK);

        var back = await (await w.Client.PostAsync($"/api/v1/loggedSegments/{logged}/uncancel", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.False(back.GetProperty("canceled").GetBoolean());
        Assert.Equal((2, 1), (back.GetProperty("noOfInteractions").GetInt32(), back.GetProperty("noOfCampaignEntries").GetInt32()));
        Assert.All(await EntriesAsync(w, $"loggedSegmentEntryNo={logged}"), e => Assert.False(e.GetProperty("canceled").GetBoolean()));
        Assert.Equal(2, (await (await w.Client.GetAsync(templateStats)).JsonAsync(HttpStatusCode.OK)).GetProperty("noOfInteractions").GetInt32());
        Assert.Equal(2, (await (await w.Client.GetAsync($"/api/v1/campaigns/{campaign}/statistics")).JsonAsync(HttpStatusCode.OK)).GetProperty("targetContactsContacted").GetInt32());
        await (await w.Client.PostAsync("/api/v1/loggedSegments/999999999/cancel", new { })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Deleting_canceled_logged_segments_keeps_their_entries_and_leaves_the_others(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var first = await SegmentAsync(w, new { description = "Goes" });
        await AddAsync(w, first, new { contactNos = new[] { w.Person } });
        var gone = (await (await w.Client.PostAsync($"/api/v1/segments/{first}/log", new { })).JsonAsync(HttpStatusCode.OK)).GetProperty("loggedSegmentEntryNo").GetInt64();
        var second = await SegmentAsync(w, new { description = "Stays" });
        await AddAsync(w, second, new { contactNos = new[] { w.Person } });
        var stays = (await (await w.Client.PostAsync($"/api/v1/segments/{second}/log", new { })).JsonAsync(HttpStatusCode.OK)).GetProperty("loggedSegmentEntryNo").GetInt64();
        await (await w.Client.PostAsync($"/api/v1/loggedSegments/{gone}/cancel", new { })).JsonAsync(HttpStatusCode.OK);

        var deleted = await (await w.Client.PostAsync("/api/v1/loggedSegments/deleteCanceled", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.True(deleted.GetProperty("deleted").GetInt32() >= 1);
        await (await w.Client.GetAsync($"/api/v1/loggedSegments/{gone}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await w.Client.GetAsync($"/api/v1/loggedSegments/{stays}")).JsonAsync(HttpStatusCode.OK);
        var entry = Assert.Single(await EntriesAsync(w, $"segmentNo={first}&canceled=true"));
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("loggedSegmentEntryNo").ValueKind);
        var list = await (await w.Client.GetAsync("/api/v1/loggedSegments?canceled=true")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(list.GetProperty("value").EnumerateArray());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_contact_in_a_segment_cannot_be_deleted_until_the_segment_is_logged(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var guest = (await (await w.Client.PostAsync("/api/v1/contacts", new { type = "person", name = "Gus Guest" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        var no = await SegmentAsync(w, new { description = "Guests" });
        await AddAsync(w, no, new { contactNos = new[] { guest } });
        var problem = await (await w.Admin.DeleteAsync($"/api/v1/contacts/{guest}")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Contains(no, problem.GetRawText());

        await (await w.Client.PostAsync($"/api/v1/segments/{no}/log", new { })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NoContent, (await w.Admin.DeleteAsync($"/api/v1/contacts/{guest}?confirm=true")).StatusCode);
    }

    private static async Task<string> OtherTemplateAsync(InteractionWorld w)
    {
        var code = Unique.Code("V")[..9];
        await (await w.Admin.PostAsync("/api/v1/interactionTemplates", new
        {
            code, interactionGroupCode = w.Group, description = "Visit", unitCostLcy = 20, unitDurationMin = 60,
        })).JsonAsync(HttpStatusCode.Created);
        return code;
    }

    internal static async Task<string> SegmentAsync(InteractionWorld w, object extra)
    {
        var body = new Dictionary<string, object?> { ["interactionTemplateCode"] = w.Template, ["salespersonCode"] = w.Salesperson };
        foreach (var p in extra.GetType().GetProperties())
        {
            body[p.Name] = p.GetValue(extra);
        }
        return (await (await w.Client.PostAsync("/api/v1/segments", body)).JsonAsync(HttpStatusCode.Created)).Str("no");
    }

    internal static async Task AddAsync(InteractionWorld w, string no, object filter) =>
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/addContacts", new { filter })).JsonAsync(HttpStatusCode.OK);

    internal static async Task<JsonElement[]> EntriesAsync(InteractionWorld w, string query) =>
        [.. (await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?{query}&limit=1000")).JsonAsync(HttpStatusCode.OK)).GetProperty("value").EnumerateArray()];

    private static async Task<JsonElement[]> LoggedAsync(InteractionWorld w, string segmentNo) =>
        [.. (await (await w.Client.GetAsync($"/api/v1/loggedSegments?search={segmentNo}")).JsonAsync(HttpStatusCode.OK)).GetProperty("value").EnumerateArray()
            .Where(l => l.Str("segmentNo") == segmentNo)];

    private static async Task<JsonElement[]> LinesAsync(InteractionWorld w, string no) =>
        [.. (await (await w.Client.GetAsync($"/api/v1/segments/{no}/lines?limit=1000")).JsonAsync(HttpStatusCode.OK)).GetProperty("value").EnumerateArray()];

    private static async Task<string> LinesTextAsync(InteractionWorld w, string no) =>
        (await (await w.Client.GetAsync($"/api/v1/segments/{no}/lines?limit=1000")).JsonAsync(HttpStatusCode.OK)).GetProperty("value").GetRawText();
}
