using System.Net;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Salespeople;

public sealed class SalespeopleApiTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory, SqliteData, PostgresData]
    public async Task A_salesperson_is_created_read_changed_and_deleted(string provider)
    {
        var client = await apps.For(provider).ClientAsync(Roles.Sales);
        var code = Unique.Code("sp");
        var response = await client.PostAsync("/api/v1/salespeople", new { code, name = "Sally Seller", email = "sally@x.example" });
        var created = await response.JsonAsync(HttpStatusCode.Created);
        Assert.Equal(code.ToUpperInvariant(), created.Str("code"));
        Assert.Equal($"/api/v1/salespeople/{code.ToUpperInvariant()}", response.Headers.Location?.OriginalString);

        var patched = await (await client.PatchAsync($"/api/v1/salespeople/{code}", new { blocked = true })).JsonAsync(HttpStatusCode.OK);
        Assert.True(patched.GetProperty("blocked").GetBoolean());
        Assert.Equal("Sally Seller", patched.Str("name"));

        var list = await (await client.GetAsync($"/api/v1/salespeople?search=sally")).JsonAsync(HttpStatusCode.OK);
        Assert.Contains(list.GetProperty("value").EnumerateArray(), s => s.Str("code") == code.ToUpperInvariant());

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/salespeople/{code}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/salespeople/{code}")).StatusCode);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Duplicate_codes_and_bad_fields_are_refused(string provider)
    {
        var client = await apps.For(provider).ClientAsync(Roles.Sales);
        var code = Unique.Code("SP");
        await (await client.PostAsync("/api/v1/salespeople", new { code, name = "One" })).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsync("/api/v1/salespeople", new { code, name = "Two" })).ProblemAsync(HttpStatusCode.Conflict, "code");
        await (await client.PostAsync("/api/v1/salespeople", new { name = "No code" })).ProblemAsync(HttpStatusCode.BadRequest, "code");
        await (await client.PostAsync("/api/v1/salespeople", new { code = new string('C', 21), name = "Long" })).ProblemAsync(HttpStatusCode.BadRequest, "code");
        await (await client.PostAsync("/api/v1/salespeople", new { code = Unique.Code("SP"), name = new string('n', 51) })).ProblemAsync(HttpStatusCode.BadRequest, "name");
        await (await client.PostAsync("/api/v1/salespeople", new { code = Unique.Code("SP"), email = "nope" })).ProblemAsync(HttpStatusCode.BadRequest, "email");
        await (await client.PostAsync("/api/v1/salespeople", new { code = Unique.Code("SP"), blocked = "no" })).ProblemAsync(HttpStatusCode.BadRequest, "blocked");
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_salesperson_still_named_on_a_contact_cannot_be_deleted(string provider)
    {
        var client = await apps.For(provider).ClientAsync(Roles.Sales);
        var code = Unique.Code("SP");
        await (await client.PostAsync("/api/v1/salespeople", new { code, name = "Busy" })).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsync("/api/v1/contacts", new { name = "Customer of Busy", salespersonCode = code })).JsonAsync(HttpStatusCode.Created);
        await (await client.DeleteAsync($"/api/v1/salespeople/{code}")).ProblemAsync(HttpStatusCode.Conflict);
        await (await client.GetAsync($"/api/v1/salespeople/{code}")).JsonAsync(HttpStatusCode.OK);
    }
}
