using System.Net;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.NoSeries;

public sealed class NoSeriesApiTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory, SqliteData, PostgresData]
    public async Task A_changed_prefix_is_used_for_the_next_contact_and_only_admins_change_it(string provider)
    {
        var app = apps.For(provider);
        var admin = await app.ClientAsync(Roles.Admin);
        var sales = await app.ClientAsync(Roles.Sales);
        await (await sales.PatchAsync("/api/v1/noSeries/CONTACT", new { prefix = "K" })).JsonAsync(HttpStatusCode.Forbidden);

        var changed = await (await admin.PatchAsync("/api/v1/noSeries/contact", new { prefix = "kt-", width = 5 })).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("KT-", changed.Str("prefix"));
        var created = await (await sales.PostAsync("/api/v1/contacts", new { name = "Prefixed" })).JsonAsync(HttpStatusCode.Created);
        Assert.Matches("^KT-[0-9]{5}$", created.Str("no"));

        var list = await (await sales.GetAsync("/api/v1/noSeries")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(4, list.GetProperty("value").GetArrayLength());
        await (await admin.PatchAsync("/api/v1/noSeries/CONTACT", new { width = 0 })).ProblemAsync(HttpStatusCode.BadRequest, "width");
        await (await admin.PatchAsync("/api/v1/noSeries/CONTACT", new { width = "wide" })).ProblemAsync(HttpStatusCode.BadRequest, "width");
        await (await admin.PatchAsync("/api/v1/noSeries/NOSUCH", new { prefix = "X" })).ProblemAsync(HttpStatusCode.NotFound);
        await (await admin.PatchAsync("/api/v1/noSeries/CONTACT", new { prefix = "CT", width = 6 })).JsonAsync(HttpStatusCode.OK);
    }
}
