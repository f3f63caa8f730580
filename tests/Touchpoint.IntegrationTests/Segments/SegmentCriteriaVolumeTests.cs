using System.Net;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Segments;

/// <summary>Its own class, so its 100,000 contacts stay out of the database the other segment tests share.</summary>
public sealed class SegmentCriteriaVolumeTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private const int Count = 100_000;

    [Theory, SqliteData, PostgresData]
    public async Task A_hundred_thousand_contacts_go_into_a_segment_in_one_statement(string provider)
    {
        var app = apps.For(provider);
        var client = await app.ClientAsync(Roles.Sales);
        var city = Unique.Code("V");
        await VolumeContacts.AddAsync(app, city, Count, "Volume");
        var no = (await (await client.PostAsync("/api/v1/segments", new { description = "Volume" })).JsonAsync(HttpStatusCode.Created)).Str("no");

        var added = (await (await client.PostAsync($"/api/v1/segments/{no}/addContacts", new { filter = new { city } })).JsonAsync(HttpStatusCode.OK))
            .GetProperty("added").GetInt32();
        // Its speed is measured by benchmarks/segment-criteria.sh, not here; this proves one call takes them all.
        Assert.Equal(Count, added);
        var lines = await (await client.GetAsync($"/api/v1/segments/{no}/lines?limit=2")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal([10000, 20000], lines.GetProperty("value").EnumerateArray().Select(l => l.GetProperty("lineNo").GetInt32()));
        Assert.Equal(Count, (await (await client.GetAsync($"/api/v1/segments/{no}")).JsonAsync(HttpStatusCode.OK)).GetProperty("noOfLines").GetInt32());
    }
}
