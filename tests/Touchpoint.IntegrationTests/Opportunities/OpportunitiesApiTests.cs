using System.Net;
using System.Text.Json;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Opportunities;

public sealed class OpportunitiesApiTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory, SqliteData, PostgresData]
    public async Task An_opportunity_takes_the_company_of_its_contact(string provider)
    {
        var client = await apps.For(provider).ClientAsync(Roles.Sales);
        var company = await (await client.PostAsync("/api/v1/contacts", new { name = "Buyer Co" })).JsonAsync(HttpStatusCode.Created);
        var person = await (await client.PostAsync("/api/v1/contacts", new { type = "person", name = "Buyer", companyNo = company.Str("no") })).JsonAsync(HttpStatusCode.Created);
        var response = await client.PostAsync("/api/v1/opportunities", new { description = "Chairs", contactNo = person.Str("no") });
        var created = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Matches("^OP[0-9]{6}$", created.Str("no"));
        Assert.Equal(company.Str("no"), created.Str("contactCompanyNo"));
        Assert.False(created.GetProperty("closed").GetBoolean());

        var closed = await (await client.PatchAsync($"/api/v1/opportunities/{created.Str("no")}", new { closed = true })).JsonAsync(HttpStatusCode.OK);
        Assert.True(closed.GetProperty("closed").GetBoolean());
        var list = await (await client.GetAsync($"/api/v1/opportunities?contactNo={company.Str("no")}")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(list.GetProperty("value").EnumerateArray());
        var open = await (await client.GetAsync($"/api/v1/opportunities?contactNo={company.Str("no")}&closed=false")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(open.GetProperty("value").EnumerateArray());
        var read = await (await client.GetAsync($"/api/v1/opportunities/{created.Str("no")}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Chairs", read.Str("description"));
        await (await client.GetAsync("/api/v1/opportunities/NOSUCH")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.GetAsync("/api/v1/opportunities?closed=maybe")).ProblemAsync(HttpStatusCode.BadRequest, "closed");
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_opportunity_needs_an_existing_contact_that_is_not_privacy_blocked(string provider)
    {
        var client = await apps.For(provider).ClientAsync(Roles.Sales);
        await (await client.PostAsync("/api/v1/opportunities", new { description = "No contact" })).ProblemAsync(HttpStatusCode.BadRequest, "contactNo");
        await (await client.PostAsync("/api/v1/opportunities", new { description = "Ghost", contactNo = "NOSUCH" })).ProblemAsync(HttpStatusCode.BadRequest, "contactNo");
        var blocked = await (await client.PostAsync("/api/v1/contacts", new { name = "Private", privacyBlocked = true })).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsync("/api/v1/opportunities", new { description = "Blocked", contactNo = blocked.Str("no") })).ProblemAsync(HttpStatusCode.BadRequest, "contactNo");
        await (await client.PostAsync("/api/v1/opportunities", new { description = "Bad campaign", contactNo = blocked.Str("no"), campaignNo = "NOSUCH" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "campaignNo");
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_opportunity_moves_through_the_sales_cycle_and_keeps_each_change_as_an_entry(string provider)
    {
        var client = await apps.For(provider).ClientAsync(Roles.Sales);
        var person = await (await client.PostAsync("/api/v1/contacts", new { type = "person", name = "Pipeline Buyer" })).JsonAsync(HttpStatusCode.Created);
        var created = await (await client.PostAsync("/api/v1/opportunities", new
        {
            description = "Showroom", contactNo = person.Str("no"), estimatedValueLcy = 12000.5m, estimatedClosingDate = "2027-03-31",
        })).JsonAsync(HttpStatusCode.Created);
        var no = created.Str("no");
        Assert.Equal("notStarted", created.Str("status"));
        Assert.Equal(0, created.GetProperty("salesCycleStage").GetInt32());
        Assert.Equal(12000.5m, created.GetProperty("estimatedValueLcy").GetDecimal());
        Assert.Equal(0m, created.GetProperty("calcdCurrentValueLcy").GetDecimal());

        // Rule 68: a stage brings its chances and starts the opportunity; the weighed value follows.
        var staged = await (await client.PatchAsync($"/api/v1/opportunities/{no}", new { salesCycleStage = 3 })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("inProgress", staged.Str("status"));
        Assert.Equal(50, staged.GetProperty("chancesOfSuccessPct").GetInt32());
        Assert.Equal(6000.25m, staged.GetProperty("calcdCurrentValueLcy").GetDecimal());
        Assert.False(staged.GetProperty("closed").GetBoolean());
        // Chances sent with the stage win over the stage's own.
        var both = await (await client.PatchAsync($"/api/v1/opportunities/{no}", new { salesCycleStage = 4, chancesOfSuccessPct = 60 })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(60, both.GetProperty("chancesOfSuccessPct").GetInt32());
        // A change of the description alone is no pipeline entry.
        await (await client.PatchAsync($"/api/v1/opportunities/{no}", new { description = "Showroom redesign" })).JsonAsync(HttpStatusCode.OK);

        var won = await (await client.PatchAsync($"/api/v1/opportunities/{no}", new { status = "won" })).JsonAsync(HttpStatusCode.OK);
        Assert.True(won.GetProperty("closed").GetBoolean());
        Assert.Equal(100, won.GetProperty("chancesOfSuccessPct").GetInt32());
        Assert.Equal(JsonValueKind.String, won.GetProperty("dateClosed").ValueKind);

        var entries = (await (await client.GetAsync($"/api/v1/opportunities/{no}/entries")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(["won", "inProgress", "inProgress", "notStarted"], entries.Select(e => e.Str("status")));
        Assert.Equal([4, 4, 3, 0], entries.Select(e => e.GetProperty("salesCycleStage").GetInt32()));
        Assert.Equal([true, false, false, false], entries.Select(e => e.GetProperty("active").GetBoolean()));
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.Str("userId"))));

        // Closed opportunities are found by status; reopening clears the closing date.
        var wonList = await (await client.GetAsync($"/api/v1/opportunities?contactNo={person.Str("no")}&status=won")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(wonList.GetProperty("value").EnumerateArray());
        var reopened = await (await client.PatchAsync($"/api/v1/opportunities/{no}", new { closed = false })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("inProgress", reopened.Str("status"));
        Assert.Equal(JsonValueKind.Null, reopened.GetProperty("dateClosed").ValueKind);
        // "closed" alone closes as Lost.
        var lost = await (await client.PatchAsync($"/api/v1/opportunities/{no}", new { closed = true })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("lost", lost.Str("status"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Pipeline_values_out_of_range_are_refused_at_their_field_and_change_nothing(string provider)
    {
        var client = await apps.For(provider).ClientAsync(Roles.Sales);
        var person = await (await client.PostAsync("/api/v1/contacts", new { type = "person", name = "Careful Buyer" })).JsonAsync(HttpStatusCode.Created);
        var no = (await (await client.PostAsync("/api/v1/opportunities", new { description = "Desks", contactNo = person.Str("no") }))
            .JsonAsync(HttpStatusCode.Created)).Str("no");
        await (await client.PatchAsync($"/api/v1/opportunities/{no}", new { salesCycleStage = 6 })).ProblemAsync(HttpStatusCode.BadRequest, "salesCycleStage");
        await (await client.PatchAsync($"/api/v1/opportunities/{no}", new { salesCycleStage = -1 })).ProblemAsync(HttpStatusCode.BadRequest, "salesCycleStage");
        await (await client.PatchAsync($"/api/v1/opportunities/{no}", new { chancesOfSuccessPct = 101 })).ProblemAsync(HttpStatusCode.BadRequest, "chancesOfSuccessPct");
        await (await client.PatchAsync($"/api/v1/opportunities/{no}", new { estimatedValueLcy = -5 })).ProblemAsync(HttpStatusCode.BadRequest, "estimatedValueLcy");
        await (await client.PatchAsync($"/api/v1/opportunities/{no}", new { estimatedValueLcy = 1e12 })).ProblemAsync(HttpStatusCode.BadRequest, "estimatedValueLcy");
        await (await client.PatchAsync($"/api/v1/opportunities/{no}", new { status = "pending" })).ProblemAsync(HttpStatusCode.BadRequest, "status");
        await (await client.PatchAsync($"/api/v1/opportunities/{no}", new { status = "won", closed = false })).ProblemAsync(HttpStatusCode.BadRequest, "closed");
        await (await client.PatchAsync($"/api/v1/opportunities/{no}", new { estimatedClosingDate = "31-03-2027" })).ProblemAsync(HttpStatusCode.BadRequest, "estimatedClosingDate");
        await (await client.GetAsync("/api/v1/opportunities?status=pending")).ProblemAsync(HttpStatusCode.BadRequest, "status");
        await (await client.GetAsync("/api/v1/opportunities/NOSUCH/entries")).ProblemAsync(HttpStatusCode.NotFound);

        var unchanged = await (await client.GetAsync($"/api/v1/opportunities/{no}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("notStarted", unchanged.Str("status"));
        Assert.Equal(0m, unchanged.GetProperty("estimatedValueLcy").GetDecimal());
        var entries = await (await client.GetAsync($"/api/v1/opportunities/{no}/entries")).JsonAsync(HttpStatusCode.OK);
        Assert.Single(entries.GetProperty("value").EnumerateArray());
    }

    [Theory, SqliteData, PostgresData]
    public async Task An_opportunity_created_as_won_is_closed_and_listed_with_the_closed_ones(string provider)
    {
        var client = await apps.For(provider).ClientAsync(Roles.Sales);
        var person = await (await client.PostAsync("/api/v1/contacts", new { type = "person", name = "Won Buyer" })).JsonAsync(HttpStatusCode.Created);
        var no = (await (await client.PostAsync("/api/v1/opportunities", new { description = "Won deal", contactNo = person.Str("no"), status = "won" }))
            .JsonAsync(HttpStatusCode.Created)).Str("no");
        var open = await (await client.GetAsync($"/api/v1/opportunities?contactNo={person.Str("no")}&closed=false")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(open.GetProperty("value").EnumerateArray());
        var closedList = await (await client.GetAsync($"/api/v1/opportunities?contactNo={person.Str("no")}&closed=true")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(no, Assert.Single(closedList.GetProperty("value").EnumerateArray()).Str("no"));
    }
}
