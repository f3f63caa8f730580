using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Segments;

public sealed class SegmentsApiTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory, SqliteData, PostgresData]
    public async Task A_segment_gets_a_number_from_the_series_or_keeps_its_own_and_can_be_changed_and_deleted(string provider)
    {
        var client = await apps.For(provider).ClientAsync(Roles.Sales);
        var created = await (await client.PostAsync("/api/v1/segments", new { description = "Spring mailing" })).JsonAsync(HttpStatusCode.Created);
        Assert.False(string.IsNullOrEmpty(created.Str("no")));
        Assert.Equal(DateOnly.FromDateTime(DateTime.Now).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), created.Str("date"));
        Assert.Equal(0, created.GetProperty("noOfLines").GetInt32());
        Assert.Equal(0, created.GetProperty("noOfCriteriaActions").GetInt32());

        var no = Unique.Code("SG");
        var own = await (await client.PostAsync("/api/v1/segments", new { no = no.ToLowerInvariant(), description = "Mine", date = "2026-03-01", unitCostLcy = 2.5m }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(no, own.Str("no"));
        await (await client.PostAsync("/api/v1/segments", new { no, description = "Again" })).ProblemAsync(HttpStatusCode.Conflict, "no");

        var patched = await (await client.PatchAsync($"/api/v1/segments/{no}", new { subjectDefault = "Hello", unitDurationMin = 10 })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Hello", patched.Str("subjectDefault"));
        Assert.Equal(2.5m, patched.GetProperty("unitCostLcy").GetDecimal());
        Assert.Equal("2026-03-01", patched.Str("date"));
        var list = await (await client.GetAsync("/api/v1/segments?search=mine&limit=1000")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(list.GetProperty("value").EnumerateArray(), s => s.Str("no") == no);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/segments/{no}")).StatusCode);
        await (await client.GetAsync($"/api/v1/segments/{no}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PatchAsync("/api/v1/segments/NOSUCH", new { description = "x" })).ProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync("/api/v1/segments/NOSUCH")).StatusCode);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_template_gives_the_segment_its_defaults(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app, new { correspondenceTypeDefault = "email", ignoreContactCorresType = true, campaignTarget = true });
        var campaign = (await (await w.Client.PostAsync("/api/v1/campaigns", new { description = "Fair" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        var segment = await (await w.Client.PostAsync("/api/v1/segments",
            new { description = "Calls", interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, campaignNo = campaign, unitDurationMin = 20 }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(w.Template, segment.Str("interactionTemplateCode"));
        Assert.Equal(w.Group, segment.Str("interactionGroupCode"));
        Assert.Equal(1.5m, segment.GetProperty("unitCostLcy").GetDecimal());
        Assert.Equal(20m, segment.GetProperty("unitDurationMin").GetDecimal());
        Assert.Equal("outbound", segment.Str("informationFlow"));
        Assert.Equal("us", segment.Str("initiatedBy"));
        Assert.Equal("email", segment.Str("correspondenceTypeDefault"));
        Assert.True(segment.GetProperty("ignoreContactCorresType").GetBoolean());
        Assert.True(segment.GetProperty("campaignTarget").GetBoolean());
        Assert.Equal(campaign, segment.Str("campaignNo"));

        var plain = (await (await w.Client.PostAsync("/api/v1/segments", new { description = "Later" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        var patched = await (await w.Client.PatchAsync($"/api/v1/segments/{plain}", new { interactionTemplateCode = w.Template })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(15m, patched.GetProperty("unitDurationMin").GetDecimal());
        Assert.Equal(w.Group, patched.Str("interactionGroupCode"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Wrong_input_is_refused_at_its_field(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        await (await w.Client.PostAsync("/api/v1/segments", new { interactionTemplateCode = "NOSUCH" })).ProblemAsync(HttpStatusCode.BadRequest, "interactionTemplateCode");
        await (await w.Client.PostAsync("/api/v1/segments", new { salespersonCode = "NOSUCH" })).ProblemAsync(HttpStatusCode.BadRequest, "salespersonCode");
        await (await w.Client.PostAsync("/api/v1/segments", new { campaignNo = "NOSUCH" })).ProblemAsync(HttpStatusCode.BadRequest, "campaignNo");
        await (await w.Client.PostAsync("/api/v1/segments", new { unitCostLcy = -1 })).ProblemAsync(HttpStatusCode.BadRequest, "unitCostLcy");
        await (await w.Client.PostAsync("/api/v1/segments", new { unitDurationMin = -1 })).ProblemAsync(HttpStatusCode.BadRequest, "unitDurationMin");
        await (await w.Client.PostAsync("/api/v1/segments", new { description = new string('x', 101) })).ProblemAsync(HttpStatusCode.BadRequest, "description");
        await (await w.Client.PostAsync("/api/v1/segments", new { colour = "red" })).ProblemAsync(HttpStatusCode.BadRequest, "colour");
        await (await w.Client.PostAsync("/api/v1/segments", new { informationFlow = "sideways" })).ProblemAsync(HttpStatusCode.BadRequest, "informationFlow");

        var blocked = Unique.Code("S");
        await (await w.Admin.PostAsync("/api/v1/salespeople", new { code = blocked, name = "Blocked Bo", blocked = true })).JsonAsync(HttpStatusCode.Created);
        await (await w.Client.PostAsync("/api/v1/segments", new { salespersonCode = blocked })).ProblemAsync(HttpStatusCode.BadRequest, "salespersonCode");
    }

    [Theory, SqliteData, PostgresData]
    public async Task Lines_inherit_the_header_can_be_personalised_and_go_with_the_segment(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        await (await w.Admin.PostAsync($"/api/v1/interactionTemplates/{w.Template}/languages", new { languageCode = "NLD", description = "Bellen" }))
            .JsonAsync(HttpStatusCode.Created);
        var dutch = (await (await w.Client.PostAsync("/api/v1/contacts", new { type = "person", name = "Daan Dutch", companyNo = w.Company, languageCode = "NLD", correspondenceType = "hardCopy" }))
            .JsonAsync(HttpStatusCode.Created)).Str("no");
        var no = (await (await w.Client.PostAsync("/api/v1/segments", new
        {
            description = "Autumn calls", subjectDefault = "Our offer", interactionTemplateCode = w.Template, salespersonCode = w.Salesperson,
            date = "2026-09-01", languageCodeDefault = "ENU",
        })).JsonAsync(HttpStatusCode.Created)).Str("no");

        var first = await (await w.Client.PostAsync($"/api/v1/segments/{no}/lines", new { contactNo = w.Person })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(10000, first.GetProperty("lineNo").GetInt32());
        Assert.Equal("Lena Log", first.Str("contactName"));
        Assert.Equal(w.Template, first.Str("interactionTemplateCode"));
        Assert.Equal("Autumn calls", first.Str("description"));
        Assert.Equal("Our offer", first.Str("subject"));
        Assert.Equal("ENU", first.Str("languageCode"));
        Assert.Equal(1.5m, first.GetProperty("costLcy").GetDecimal());
        Assert.Equal(15m, first.GetProperty("durationMin").GetDecimal());
        Assert.Equal("2026-09-01", first.Str("date"));
        Assert.Equal(w.Salesperson, first.Str("salespersonCode"));

        var second = await (await w.Client.PostAsync($"/api/v1/segments/{no}/lines", new { contactNo = dutch, description = "Persoonlijk", costLcy = 4 }))
            .JsonAsync(HttpStatusCode.Created);
        Assert.Equal(20000, second.GetProperty("lineNo").GetInt32());
        Assert.Equal("NLD", second.Str("languageCode"));
        Assert.Equal("hardCopy", second.Str("correspondenceType"));
        Assert.Equal("Persoonlijk", second.Str("description"));
        Assert.Equal(4m, second.GetProperty("costLcy").GetDecimal());

        await (await w.Client.PostAsync($"/api/v1/segments/{no}/lines", new { contactNo = w.Person.ToLowerInvariant() })).ProblemAsync(HttpStatusCode.Conflict, "contactNo");
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/lines", new { contactNo = "NOSUCH" })).ProblemAsync(HttpStatusCode.BadRequest, "contactNo");
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/lines", new { contactNo = w.Company, durationMin = -5 })).ProblemAsync(HttpStatusCode.BadRequest, "durationMin");
        await (await w.Client.PostAsync("/api/v1/segments/NOSUCH/lines", new { contactNo = w.Person })).ProblemAsync(HttpStatusCode.NotFound);

        var patched = await (await w.Client.PatchAsync($"/api/v1/segments/{no}/lines/10000", new { durationMin = 30, correspondenceType = "email" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(30m, patched.GetProperty("durationMin").GetDecimal());
        Assert.Equal("email", patched.Str("correspondenceType"));
        await (await w.Client.PatchAsync($"/api/v1/segments/{no}/lines/90000", new { durationMin = 1 })).ProblemAsync(HttpStatusCode.NotFound);

        var header = await (await w.Client.GetAsync($"/api/v1/segments/{no}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, header.GetProperty("noOfLines").GetInt32());
        Assert.Equal(5.5m, header.GetProperty("costLcy").GetDecimal());
        Assert.Equal(45m, header.GetProperty("durationMin").GetDecimal());
        var lines = await (await w.Client.GetAsync($"/api/v1/segments/{no}/lines")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([10000, 20000], lines.GetProperty("value").EnumerateArray().Select(l => l.GetProperty("lineNo").GetInt32()));

        Assert.Equal(HttpStatusCode.NoContent, (await w.Client.DeleteAsync($"/api/v1/segments/{no}/lines/20000")).StatusCode);
        Assert.Equal(1, (await (await w.Client.GetAsync($"/api/v1/segments/{no}")).JsonAsync(HttpStatusCode.OK)).GetProperty("noOfLines").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await w.Client.DeleteAsync($"/api/v1/segments/{no}")).StatusCode);
        await (await w.Client.GetAsync($"/api/v1/segments/{no}/lines")).ProblemAsync(HttpStatusCode.NotFound);
        Assert.False(await app.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().SegmentLines.AnyAsync(l => l.SegmentNo == no)));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Header_changes_reach_the_lines_with_its_template_unless_declined(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var no = (await (await w.Client.PostAsync("/api/v1/segments", new { description = "Follow", interactionTemplateCode = w.Template }))
            .JsonAsync(HttpStatusCode.Created)).Str("no");
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/lines", new { contactNo = w.Person })).JsonAsync(HttpStatusCode.Created);
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/lines", new { contactNo = w.Company, interactionTemplateCode = (string?)null }))
            .JsonAsync(HttpStatusCode.Created);

        await (await w.Client.PatchAsync($"/api/v1/segments/{no}", new { unitCostLcy = 3 })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([3m, 1.5m], await CostsAsync(w.Client, no));
        await (await w.Client.PatchAsync($"/api/v1/segments/{no}", new { unitCostLcy = 7, applyToLines = false })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([3m, 1.5m], await CostsAsync(w.Client, no));
        var header = await (await w.Client.PatchAsync($"/api/v1/segments/{no}", new { interactionTemplateCode = (string?)null })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(7m, header.GetProperty("unitCostLcy").GetDecimal());
        Assert.Equal([7m, 7m], await CostsAsync(w.Client, no));
        Assert.Equal(14m, header.GetProperty("costLcy").GetDecimal());
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_new_default_subject_replaces_the_old_one_only_where_a_line_still_has_it(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var no = (await (await w.Client.PostAsync("/api/v1/segments", new { description = "Subjects", interactionTemplateCode = w.Template, subjectDefault = "Offer" }))
            .JsonAsync(HttpStatusCode.Created)).Str("no");
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/lines", new { contactNo = w.Person })).JsonAsync(HttpStatusCode.Created);
        var own = (await (await w.Client.PostAsync($"/api/v1/segments/{no}/lines", new { contactNo = w.Company })).JsonAsync(HttpStatusCode.Created)).GetProperty("lineNo").GetInt32();
        await (await w.Client.PatchAsync($"/api/v1/segments/{no}/lines/{own}", new { subject = "Personal offer" })).JsonAsync(HttpStatusCode.OK);

        await (await w.Client.PatchAsync($"/api/v1/segments/{no}", new { subjectDefault = "Winter offer" })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Winter offer", "Personal offer"], await SubjectsAsync(w.Client, no));
        await (await w.Client.PatchAsync($"/api/v1/segments/{no}", new { subjectDefault = "Spring offer", applyToLines = false })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["Winter offer", "Personal offer"], await SubjectsAsync(w.Client, no));
    }

    private static async Task<string[]> SubjectsAsync(HttpClient client, string no) =>
        (await (await client.GetAsync($"/api/v1/segments/{no}/lines")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("value").EnumerateArray().Select(l => l.Str("subject")!).ToArray();

    private static async Task<decimal[]> CostsAsync(HttpClient client, string no) =>
        (await (await client.GetAsync($"/api/v1/segments/{no}/lines")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("value").EnumerateArray().Select(l => l.GetProperty("costLcy").GetDecimal()).ToArray();

    [Theory, SqliteData, PostgresData]
    public async Task A_privacy_blocked_contact_cannot_be_added(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var hidden = (await (await w.Client.PostAsync("/api/v1/contacts", new { type = "person", name = "Pia Private", companyNo = w.Company, privacyBlocked = true }))
            .JsonAsync(HttpStatusCode.Created)).Str("no");
        var no = (await (await w.Client.PostAsync("/api/v1/segments", new { description = "Private" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/lines", new { contactNo = hidden })).ProblemAsync(HttpStatusCode.BadRequest, "contactNo");
    }
}
