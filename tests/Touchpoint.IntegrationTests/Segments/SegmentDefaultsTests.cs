using System.Net;
using Touchpoint.Core.Common;
using Touchpoint.IntegrationTests.Users;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Segments;

/// <summary>Rule 37 through the API: what a new segment takes from the user who makes it.</summary>
public sealed class SegmentDefaultsTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory, SqliteData, PostgresData]
    public async Task A_segment_created_without_a_salesperson_gets_the_calling_users_and_a_given_one_or_null_is_kept(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.ClientAsync(Roles.Admin);
        var (mine, other) = (Unique.Code("SM"), Unique.Code("SO"));
        foreach (var code in new[] { mine, other })
        {
            await (await admin.PostAsync("/api/v1/salespeople", new { code, name = "Segment seller" })).JsonAsync(HttpStatusCode.Created);
        }
        var client = await UserClients.SalesUserAsync(app, UserClients.NewEmail("seg"), mine);

        var defaulted = await (await client.PostAsync("/api/v1/segments", new { description = "Mine by default" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(mine, defaulted.Str("salespersonCode"));
        Assert.Equal(mine, (await (await client.GetAsync($"/api/v1/segments/{defaulted.Str("no")}")).JsonAsync(HttpStatusCode.OK)).Str("salespersonCode"));

        var given = await (await client.PostAsync("/api/v1/segments", new { description = "Someone else's", salespersonCode = other })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(other, given.Str("salespersonCode"));
        var none = await (await client.PostAsync("/api/v1/segments", new { description = "Nobody's", salespersonCode = (string?)null })).JsonAsync(HttpStatusCode.Created);
        Assert.Null(none.Str("salespersonCode"));

        // A user without a salesperson link makes segments without one.
        var unlinked = await UserClients.SalesUserAsync(app, UserClients.NewEmail("segn"), null);
        var plain = await (await unlinked.PostAsync("/api/v1/segments", new { description = "No link" })).JsonAsync(HttpStatusCode.Created);
        Assert.Null(plain.Str("salespersonCode"));
    }
}
