using System.Net;
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
}
