using System.Net;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Campaigns;

public sealed class CampaignsApiTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory, SqliteData, PostgresData]
    public async Task A_campaign_gets_a_number_from_the_series_and_can_be_changed(string provider)
    {
        var client = await apps.For(provider).ClientAsync(Roles.Sales);
        var created = await (await client.PostAsync("/api/v1/campaigns",
            new { description = "Fair", startingDate = "2026-03-01", endingDate = "2026-03-31" })).JsonAsync(HttpStatusCode.Created);
        Assert.Matches("^CP[0-9]{4}$", created.Str("no"));
        Assert.Equal("2026-03-01", created.Str("startingDate"));

        var patched = await (await client.PatchAsync($"/api/v1/campaigns/{created.Str("no")}", new { activated = true, endingDate = "2026-04-30" }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.True(patched.GetProperty("activated").GetBoolean());
        Assert.Equal("2026-04-30", patched.Str("endingDate"));
        Assert.Equal("Fair", patched.Str("description"));

        var read = await (await client.GetAsync($"/api/v1/campaigns/{created.Str("no").ToLowerInvariant()}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("2026-04-30", read.Str("endingDate"));
        var list = await (await client.GetAsync("/api/v1/campaigns?search=fair&limit=1000")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(list.GetProperty("value").EnumerateArray(), c => c.Str("no") == created.Str("no"));
        await (await client.GetAsync("/api/v1/campaigns/NOSUCH")).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Dates_in_the_wrong_order_or_format_and_unknown_salespeople_are_refused(string provider)
    {
        var client = await apps.For(provider).ClientAsync(Roles.Sales);
        await (await client.PostAsync("/api/v1/campaigns", new { description = "Back", startingDate = "2026-05-01", endingDate = "2026-04-01" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "endingDate");
        await (await client.PostAsync("/api/v1/campaigns", new { description = "Bad date", startingDate = "31/12/2026" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "startingDate");
        await (await client.PostAsync("/api/v1/campaigns", new { description = "Nobody", salespersonCode = "NOSUCH" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "salespersonCode");
        var no = Unique.Code("CPX");
        await (await client.PostAsync("/api/v1/campaigns", new { no, description = "Mine" })).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsync("/api/v1/campaigns", new { no, description = "Again" })).ProblemAsync(HttpStatusCode.Conflict, "no");
    }
}
