using System.Net;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Contacts;

public sealed class BusinessRelationsApiTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory, SqliteData, PostgresData]
    public async Task A_customer_number_belongs_to_one_contact_only(string provider)
    {
        var client = await apps.For(provider).ClientAsync(Roles.Sales);
        var first = await (await client.PostAsync("/api/v1/contacts", new { name = "First Customer" })).JsonAsync(HttpStatusCode.Created);
        var second = await (await client.PostAsync("/api/v1/contacts", new { name = "Second Customer" })).JsonAsync(HttpStatusCode.Created);
        var customerNo = Unique.Code("C");
        var url = $"/api/v1/contacts/{first.Str("no")}/businessRelations";

        var created = await client.PostAsync(url, new { linkToTable = "customer", linkNo = customerNo.ToLowerInvariant() });
        Assert.Equal(customerNo, (await created.JsonAsync(HttpStatusCode.Created)).Str("linkNo"));
        await (await client.PostAsync($"/api/v1/contacts/{second.Str("no")}/businessRelations", new { linkToTable = "customer", linkNo = customerNo }))
            .ProblemAsync(HttpStatusCode.Conflict, "linkNo");
        // The same number as a vendor is another relation.
        await (await client.PostAsync($"/api/v1/contacts/{second.Str("no")}/businessRelations", new { linkToTable = "vendor", linkNo = customerNo }))
            .JsonAsync(HttpStatusCode.Created);

        var list = await (await client.GetAsync(url)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("customer", Assert.Single(list.GetProperty("value").EnumerateArray()).Str("linkToTable"));

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"{url}/customer/{customerNo}")).StatusCode);
        await (await client.DeleteAsync($"{url}/customer/{customerNo}")).ProblemAsync(HttpStatusCode.NotFound);
        await (await client.PostAsync(url, new { linkToTable = "employee", linkNo = "E1" })).ProblemAsync(HttpStatusCode.BadRequest, "linkToTable");
        await (await client.PostAsync(url, new { linkToTable = "vendor" })).ProblemAsync(HttpStatusCode.BadRequest, "linkNo");
        await (await client.GetAsync("/api/v1/contacts/NOSUCH/businessRelations")).ProblemAsync(HttpStatusCode.NotFound);
    }
}
