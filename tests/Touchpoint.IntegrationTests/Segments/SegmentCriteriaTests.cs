using System.Net;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Segments;

public sealed partial class SegmentCriteriaTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory, SqliteData, PostgresData]
    public async Task Add_contacts_takes_every_match_once_inheriting_the_header_and_never_a_privacy_blocked_one(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        await (await w.Admin.PostAsync($"/api/v1/interactionTemplates/{w.Template}/languages", new { languageCode = "NLD", description = "Bellen" }))
            .JsonAsync(HttpStatusCode.Created);
        var city = Unique.Code("C");
        var dutch = await ContactAsync(w, new { type = "person", name = "Dora Dutch", companyNo = w.Company, salespersonCode = w.Salesperson, city, languageCode = "NLD", correspondenceType = "hardCopy" });
        var firm = await ContactAsync(w, new { name = "Firm Ltd", salespersonCode = w.Salesperson, city });
        await ContactAsync(w, new { type = "person", name = "Pia Private", salespersonCode = w.Salesperson, city, privacyBlocked = true });
        var no = (await (await w.Client.PostAsync("/api/v1/segments", new
        {
            description = "Criteria", subjectDefault = "Offer", interactionTemplateCode = w.Template, salespersonCode = w.Salesperson,
            date = "2026-09-01", languageCodeDefault = "ENU",
        })).JsonAsync(HttpStatusCode.Created)).Str("no");

        Assert.Equal(2, await AddAsync(w, no, new { salespersonCode = w.Salesperson }));
        var lines = await LinesAsync(w, no);
        Assert.Equal([10000, 20000], lines.Select(l => l.GetProperty("lineNo").GetInt32()));
        var line = lines.Single(l => l.Str("contactNo") == dutch);
        Assert.Equal("NLD", line.Str("languageCode"));
        Assert.Equal("hardCopy", line.Str("correspondenceType"));
        Assert.Equal(w.Template, line.Str("interactionTemplateCode"));
        Assert.Equal("Criteria", line.Str("description"));
        Assert.Equal("Offer", line.Str("subject"));
        Assert.Equal(1.5m, line.GetProperty("costLcy").GetDecimal());
        Assert.Equal(15m, line.GetProperty("durationMin").GetDecimal());
        Assert.Equal("2026-09-01", line.Str("date"));
        Assert.Equal(w.Salesperson, line.Str("salespersonCode"));
        Assert.Equal("ENU", lines.Single(l => l.Str("contactNo") == firm).Str("languageCode"));

        Assert.Equal(0, await AddAsync(w, no, new { salespersonCode = w.Salesperson }, allowExistingContacts: true));
        Assert.Equal(0, await AddAsync(w, no, new { type = "person", city }));
        // A company is its own company: the company and its other person come in, its person already there does not.
        Assert.Equal(2, await AddAsync(w, no, new { companyNo = w.Company }));
        lines = await LinesAsync(w, no);
        Assert.Equal([30000, 40000], lines.Where(l => l.Str("contactNo") == w.Company || l.Str("contactNo") == w.Person).Select(l => l.GetProperty("lineNo").GetInt32()));
        Assert.Equal(4, (await (await w.Client.GetAsync($"/api/v1/segments/{no}")).JsonAsync(HttpStatusCode.OK)).GetProperty("noOfLines").GetInt32());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Interactions_select_contacts_with_a_logged_interaction_of_the_template_in_the_period(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        await (await w.Client.PostAsync("/api/v1/interactions", new
        {
            contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, date = "2026-02-10",
        })).JsonAsync(HttpStatusCode.Created);
        var no = (await (await w.Client.PostAsync("/api/v1/segments", new { description = "Callers" })).JsonAsync(HttpStatusCode.Created)).Str("no");

        Assert.Equal(0, await AddAsync(w, no, new { interactions = new { interactionTemplateCode = w.Template, dateFrom = "2026-03-01" } }));
        Assert.Equal(1, await AddAsync(w, no, new { interactions = new { interactionTemplateCode = w.Template, dateFrom = "2026-02-01", dateTo = "2026-02-28" } }));
        Assert.Equal(0, await AddAsync(w, no, new { interactions = new { interactionGroupCode = w.Group } }));
        Assert.Equal([w.Person], (await LinesAsync(w, no)).Select(l => l.Str("contactNo")));
        // The template takes a filter expression like the contact's fields.
        Assert.Equal((1, 0), await CountAsync(w, no, new { interactions = new { interactionTemplateCode = $"NOSUCH|{w.Template.ToLowerInvariant()}" } }));
        Assert.Equal((0, 0), await CountAsync(w, no, new { contactNos = new[] { w.Person }, interactions = new { interactionTemplateCode = $"<>{w.Template}" } }));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Reduce_removes_the_matching_lines_and_refine_keeps_only_them(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var city = Unique.Code("C");
        var person = await ContactAsync(w, new { type = "person", name = "Rita Refine", salespersonCode = w.Salesperson, city });
        var no = (await (await w.Client.PostAsync("/api/v1/segments", new { description = "Narrow" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        Assert.Equal(2, await AddAsync(w, no, new { contactNos = new[] { w.Company, w.Person } }));
        Assert.Equal(1, await AddAsync(w, no, new { city }));

        Assert.Equal(1, await RemoveAsync(w, no, "reduceContacts", new { type = "company" }));
        Assert.Equal(1, await RemoveAsync(w, no, "refineContacts", new { salespersonCode = w.Salesperson }));
        Assert.Equal([person], (await LinesAsync(w, no)).Select(l => l.Str("contactNo")));
        Assert.Equal(0, await RemoveAsync(w, no, "reduceContacts", new { city = "NOWHERE" }));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Each_action_is_recorded_and_undo_takes_back_the_last_one_exactly(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var city = Unique.Code("C");
        var person = await ContactAsync(w, new { type = "person", name = "Uma Undo", salespersonCode = w.Salesperson, city });
        var no = (await (await w.Client.PostAsync("/api/v1/segments", new { description = "Undo", date = "2026-05-01" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/undoCriteria", new { })).ProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal(2, await AddAsync(w, no, new { contactNos = new[] { w.Company, w.Person } }));
        await (await w.Client.PatchAsync($"/api/v1/segments/{no}/lines/20000", new { description = "Personal", costLcy = 9 })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, await AddAsync(w, no, new { city }));
        var before = await LinesTextAsync(w, no);
        Assert.Equal(1, await RemoveAsync(w, no, "reduceContacts", new { type = "company" }));
        Assert.Equal(1, await RemoveAsync(w, no, "refineContacts", new { city }));
        Assert.Equal([person], (await LinesAsync(w, no)).Select(l => l.Str("contactNo")));

        var criteria = await (await w.Client.GetAsync($"/api/v1/segments/{no}/criteria")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["add", "add", "reduce", "refine"], criteria.EnumerateArray().Select(a => a.Str("kind")));
        Assert.Equal([1, 2, 3, 4], criteria.EnumerateArray().Select(a => a.GetProperty("actionNo").GetInt32()));
        Assert.Equal(city, criteria[1].GetProperty("filter").Str("city"));
        Assert.Equal("company", criteria[2].GetProperty("filter").Str("type"));
        Assert.Equal(4, (await (await w.Client.GetAsync($"/api/v1/segments/{no}")).JsonAsync(HttpStatusCode.OK)).GetProperty("noOfCriteriaActions").GetInt32());

        Assert.Equal(HttpStatusCode.NoContent, (await w.Client.PostAsync($"/api/v1/segments/{no}/undoCriteria", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await w.Client.PostAsync($"/api/v1/segments/{no}/undoCriteria", new { })).StatusCode);
        Assert.Equal(before, await LinesTextAsync(w, no));
        Assert.Equal(HttpStatusCode.NoContent, (await w.Client.PostAsync($"/api/v1/segments/{no}/undoCriteria", new { })).StatusCode);
        Assert.Equal([w.Company, w.Person], (await LinesAsync(w, no)).Select(l => l.Str("contactNo")));
        Assert.Equal(HttpStatusCode.NoContent, (await w.Client.PostAsync($"/api/v1/segments/{no}/undoCriteria", new { })).StatusCode);
        Assert.Empty(await LinesAsync(w, no));
        Assert.Equal(0, (await (await w.Client.GetAsync($"/api/v1/segments/{no}")).JsonAsync(HttpStatusCode.OK)).GetProperty("noOfCriteriaActions").GetInt32());
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/undoCriteria", new { })).ProblemAsync(HttpStatusCode.Conflict);
        await (await w.Client.PostAsync("/api/v1/segments/NOSUCH/undoCriteria", new { })).ProblemAsync(HttpStatusCode.NotFound);
        await (await w.Client.GetAsync("/api/v1/segments/NOSUCH/criteria")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_wrong_filter_is_refused_at_its_field_and_an_unknown_segment_is_not_found(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var no = (await (await w.Client.PostAsync("/api/v1/segments", new { description = "Strict" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/addContacts", new { filter = new { colour = "red" } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "filter.colour");
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/addContacts", new { filter = new { type = "robot" } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "filter.type");
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/reduceContacts", new { filter = new { interactions = new { dateFrom = 5 } } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "filter.interactions.dateFrom");
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/refineContacts", new { filter = new { interactions = new { dateFrom = "2026-03-01", dateTo = "2026-02-01" } } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "filter.interactions.dateTo");
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/addContacts", new { filter = new { }, allowExisting = true }))
            .ProblemAsync(HttpStatusCode.BadRequest, "allowExisting");
        await (await w.Client.PostAsync("/api/v1/segments/NOSUCH/addContacts", new { filter = new { city = "X" } })).ProblemAsync(HttpStatusCode.NotFound);
        await (await w.Client.PostAsync("/api/v1/segments/NOSUCH/reduceContacts", new { filter = new { city = "X" } })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Saved_criteria_run_again_on_another_segment_action_by_action(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var city = Unique.Code("C");
        var person = await ContactAsync(w, new { type = "person", name = "Sam Saved", city });
        await ContactAsync(w, new { name = "Saved Company", city });
        var first = (await (await w.Client.PostAsync("/api/v1/segments", new { description = "First" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        var code = Unique.Code("S");
        await (await w.Client.PostAsync($"/api/v1/segments/{first}/saveCriteria", new { code, description = "People in town" }))
            .ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(2, await AddAsync(w, first, new { city }));
        Assert.Equal(1, await RemoveAsync(w, first, "reduceContacts", new { type = "company" }));

        var saved = await (await w.Client.PostAsync($"/api/v1/segments/{first}/saveCriteria", new { code = code.ToLowerInvariant(), description = "People in town" }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal(code, saved.Str("code"));
        Assert.Equal(2, saved.GetProperty("noOfActions").GetInt32());
        await (await w.Client.PostAsync($"/api/v1/segments/{first}/saveCriteria", new { code })).ProblemAsync(HttpStatusCode.Conflict, "code");
        await (await w.Client.PostAsync($"/api/v1/segments/{first}/saveCriteria", new { description = "no code" })).ProblemAsync(HttpStatusCode.BadRequest, "code");
        var list = await (await w.Client.GetAsync("/api/v1/savedSegmentCriteria")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(list.EnumerateArray(), s => s.Str("code") == code && s.Str("description") == "People in town");

        var second = (await (await w.Client.PostAsync("/api/v1/segments", new { description = "Second" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        Assert.Equal(HttpStatusCode.NoContent, (await w.Client.PostAsync($"/api/v1/segments/{second}/reuseCriteria", new { code })).StatusCode);
        Assert.Equal([person], (await LinesAsync(w, second)).Select(l => l.Str("contactNo")));
        var criteria = await (await w.Client.GetAsync($"/api/v1/segments/{second}/criteria")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(["add", "reduce"], criteria.EnumerateArray().Select(a => a.Str("kind")));
        await (await w.Client.PostAsync($"/api/v1/segments/{second}/reuseCriteria", new { code = "NOSUCH" })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Removing_the_last_line_resets_the_criteria_actions_only_when_asked(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var no = (await (await w.Client.PostAsync("/api/v1/segments", new { description = "Emptied" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        Assert.Equal(1, await AddAsync(w, no, new { contactNos = new[] { w.Company } }));
        Assert.Equal(1, await AddAsync(w, no, new { contactNos = new[] { w.Person } }));
        Assert.Equal(HttpStatusCode.NoContent, (await w.Client.DeleteAsync($"/api/v1/segments/{no}/lines/10000?resetCriteriaActions=true")).StatusCode);
        Assert.Equal(2, (await (await w.Client.GetAsync($"/api/v1/segments/{no}")).JsonAsync(HttpStatusCode.OK)).GetProperty("noOfCriteriaActions").GetInt32());
        Assert.Equal(HttpStatusCode.NoContent, (await w.Client.DeleteAsync($"/api/v1/segments/{no}/lines/20000?resetCriteriaActions=true")).StatusCode);
        Assert.Equal(0, (await (await w.Client.GetAsync($"/api/v1/segments/{no}")).JsonAsync(HttpStatusCode.OK)).GetProperty("noOfCriteriaActions").GetInt32());

        Assert.Equal(2, await AddAsync(w, no, new { contactNos = new[] { w.Company, w.Person } }));
        Assert.Equal(HttpStatusCode.NoContent, (await w.Client.DeleteAsync($"/api/v1/segments/{no}/lines/10000")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await w.Client.DeleteAsync($"/api/v1/segments/{no}/lines/20000")).StatusCode);
        Assert.Equal(1, (await (await w.Client.GetAsync($"/api/v1/segments/{no}")).JsonAsync(HttpStatusCode.OK)).GetProperty("noOfCriteriaActions").GetInt32());
    }

    private static async Task<string> ContactAsync(InteractionWorld w, object body) =>
        (await (await w.Client.PostAsync("/api/v1/contacts", body)).JsonAsync(HttpStatusCode.Created)).Str("no");

    private static async Task<int> AddAsync(InteractionWorld w, string no, object filter, bool allowExistingContacts = false) =>
        (await (await w.Client.PostAsync($"/api/v1/segments/{no}/addContacts", new { filter, allowExistingContacts }))
            .JsonAsync(HttpStatusCode.OK)).GetProperty("added").GetInt32();

    private static async Task<int> RemoveAsync(InteractionWorld w, string no, string action, object filter) =>
        (await (await w.Client.PostAsync($"/api/v1/segments/{no}/{action}", new { filter }))
            .JsonAsync(HttpStatusCode.OK)).GetProperty("removed").GetInt32();

    private static async Task<string> LinesTextAsync(InteractionWorld w, string no) =>
        (await (await w.Client.GetAsync($"/api/v1/segments/{no}/lines?limit=1000")).JsonAsync(HttpStatusCode.OK)).GetProperty("value").GetRawText();

    private static async Task<System.Text.Json.JsonElement[]> LinesAsync(InteractionWorld w, string no) =>
        [.. (await (await w.Client.GetAsync($"/api/v1/segments/{no}/lines?limit=1000")).JsonAsync(HttpStatusCode.OK)).GetProperty("value").EnumerateArray()];
}
