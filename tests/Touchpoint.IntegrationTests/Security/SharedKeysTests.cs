using System.Net;
using System.Net.Http.Headers;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Security;

public sealed class SharedKeysTests
{
    [Theory, SqliteData, PostgresData]
    public async Task A_token_issued_by_one_web_instance_is_accepted_by_another_on_the_same_database(string provider)
    {
        using var first = new TouchpointApp(provider);
        var client = await first.ClientAsync(Roles.Sales);
        using var second = new TouchpointApp(first);
        using var other = second.Anonymous();
        other.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/api/v1/contacts?limit=1")).StatusCode);

        // And a forged token is not: the instances trust the shared key ring, not anything that looks like a token.
        using var forged = second.Anonymous();
        forged.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "CfDJ8forged");
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/contacts?limit=1")).StatusCode);
    }
}
