using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Contacts;

public sealed class ContactsApiTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private Task<int> CountAsync(string provider) =>
        apps.For(provider).WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().Contacts.CountAsync());

    private async Task<HttpClient> Sales(string provider) => await apps.For(provider).ClientAsync(Roles.Sales);

    private static async Task<JsonElement> CreateCompanyAsync(HttpClient client, string name, object? extra = null)
    {
        var body = new Dictionary<string, object?> { ["type"] = "company", ["name"] = name };
        if (extra is not null)
        {
            foreach (var p in extra.GetType().GetProperties())
            {
                body[p.Name] = p.GetValue(extra);
            }
        }
        return await (await client.PostAsync("/api/v1/contacts", body)).JsonAsync(HttpStatusCode.Created);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_contact_without_a_number_gets_the_next_number_of_the_contact_series(string provider)
    {
        var client = await Sales(provider);
        var response = await client.PostAsync("/api/v1/contacts", new { name = "Series Company", type = "company" });
        var created = await response.JsonAsync(HttpStatusCode.Created);
        var no = created.Str("no");
        Assert.Matches("^CT[0-9]{6}$", no);
        Assert.Equal($"/api/v1/contacts/{no}", response.Headers.Location?.OriginalString);
        Assert.Equal(no, created.Str("companyNo"));
        var second = await CreateCompanyAsync(client, "Series Company 2");
        Assert.True(string.CompareOrdinal(second.Str("no"), no) > 0);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_person_in_a_company_shows_the_company_name_and_follows_its_rename(string provider)
    {
        var client = await Sales(provider);
        var company = await CreateCompanyAsync(client, "Old Name Ltd");
        var person = await (await client.PostAsync("/api/v1/contacts",
            new { type = "person", name = "Anna Berg", companyNo = company.Str("no").ToLowerInvariant() })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal(company.Str("no"), person.Str("companyNo"));
        Assert.Equal("Old Name Ltd", person.Str("companyName"));

        await (await client.PatchAsync($"/api/v1/contacts/{company.Str("no")}", new { name = "New Name Ltd" })).JsonAsync(HttpStatusCode.OK);
        var reread = await (await client.GetAsync($"/api/v1/contacts/{person.Str("no")}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("New Name Ltd", reread.Str("companyName"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_person_cannot_belong_to_an_unknown_company_or_to_a_person(string provider)
    {
        var client = await Sales(provider);
        var person = await (await client.PostAsync("/api/v1/contacts", new { type = "person", name = "Lone Person" })).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsync("/api/v1/contacts", new { type = "person", name = "X", companyNo = "NOPE" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "companyNo");
        await (await client.PostAsync("/api/v1/contacts", new { type = "person", name = "X", companyNo = person.Str("no") }))
            .ProblemAsync(HttpStatusCode.BadRequest, "companyNo");
    }

    [Theory, SqliteData, PostgresData]
    public async Task Search_finds_contacts_by_name_email_and_phone_regardless_of_case(string provider)
    {
        var client = await Sales(provider);
        var tag = Unique.Code("Q").ToLowerInvariant();
        var company = await CreateCompanyAsync(client, $"Zebra {tag} Holdings", new { email = $"hello@{tag}.example", phoneNo = "+46 555 0101" });

        foreach (var term in new[] { tag.ToUpperInvariant(), $"zebra {tag}", $"hello@{tag}" })
        {
            var page = await (await client.GetAsync($"/api/v1/contacts?search={Uri.EscapeDataString(term)}")).JsonAsync(HttpStatusCode.OK);
            Assert.Contains(page.GetProperty("value").EnumerateArray(), c => c.Str("no") == company.Str("no"));
        }
        var none = await (await client.GetAsync($"/api/v1/contacts?search={tag}-nothing")).JsonAsync(HttpStatusCode.OK);
        Assert.Empty(none.GetProperty("value").EnumerateArray());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Search_follows_renames_and_deletes_and_handles_short_and_several_words(string provider)
    {
        var client = await Sales(provider);
        var tag = Unique.Code("R");
        var contact = await CreateCompanyAsync(client, $"Alpha {tag} Trading");
        var no = contact.Str("no");
        async Task<List<string>> FindAsync(string term) =>
            (await (await client.GetAsync($"/api/v1/contacts?search={Uri.EscapeDataString(term)}&limit=1000")).JsonAsync(HttpStatusCode.OK))
                .GetProperty("value").EnumerateArray().Select(c => c.Str("no")).ToList();

        Assert.Contains(no, await FindAsync($"{tag} trading"));
        Assert.DoesNotContain(no, await FindAsync($"{tag} nothing"));
        await (await client.PatchAsync($"/api/v1/contacts/{no}", new { name = $"Omega {tag} Partners" })).JsonAsync(HttpStatusCode.OK);
        Assert.DoesNotContain(no, await FindAsync($"alpha {tag}"));
        Assert.Contains(no, await FindAsync($"omega {tag}"));
        Assert.Contains(no, await FindAsync(tag));
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/contacts/{no}")).StatusCode);
        Assert.DoesNotContain(no, await FindAsync(tag));
        // Two letters are below the trigram size: still found, by the row-by-row check.
        var shortName = await CreateCompanyAsync(client, $"Qx {tag}");
        Assert.Contains(shortName.Str("no"), await FindAsync($"qx {tag}"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task Keyset_paging_returns_every_contact_of_a_company_exactly_once(string provider)
    {
        var client = await Sales(provider);
        var company = await CreateCompanyAsync(client, "Paging Company");
        var companyNo = company.Str("no");
        for (var i = 0; i < 7; i++)
        {
            await (await client.PostAsync("/api/v1/contacts", new { type = "person", name = $"Person {i}", companyNo })).JsonAsync(HttpStatusCode.Created);
        }
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var url = $"/api/v1/contacts?companyNo={companyNo}&limit=3" + (cursor is null ? "" : $"&cursor={Uri.EscapeDataString(cursor)}");
            var page = await (await client.GetAsync(url)).JsonAsync(HttpStatusCode.OK);
            seen.AddRange(page.GetProperty("value").EnumerateArray().Select(c => c.Str("no")));
            cursor = page.GetProperty("nextCursor").GetString();
            pages++;
        }
        while (cursor is not null);
        Assert.Equal(8, seen.Count);
        Assert.Equal(seen.Distinct().Count(), seen.Count);
        Assert.Equal(3, pages);
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
    }

    [Theory, SqliteData, PostgresData]
    public async Task Filters_by_type_and_salesperson(string provider)
    {
        var client = await Sales(provider);
        var admin = await apps.For(provider).ClientAsync(Roles.Admin);
        var code = Unique.Code("SP");
        await (await admin.PostAsync("/api/v1/salespeople", new { code, name = "Filter Seller" })).JsonAsync(HttpStatusCode.Created);
        var company = await CreateCompanyAsync(client, "Filtered Co", new { salespersonCode = code.ToLowerInvariant() });
        Assert.Equal(code, company.Str("salespersonCode"));
        await (await client.PostAsync("/api/v1/contacts", new { type = "person", name = "Filtered Person", salespersonCode = code })).JsonAsync(HttpStatusCode.Created);

        var all = await (await client.GetAsync($"/api/v1/contacts?salespersonCode={code}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, all.GetProperty("value").GetArrayLength());
        var persons = await (await client.GetAsync($"/api/v1/contacts?salespersonCode={code}&type=person")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Filtered Person", Assert.Single(persons.GetProperty("value").EnumerateArray()).Str("name"));
        await (await client.GetAsync("/api/v1/contacts?type=robot")).ProblemAsync(HttpStatusCode.BadRequest, "type");
        await (await client.GetAsync("/api/v1/contacts?cursor=garbage")).ProblemAsync(HttpStatusCode.BadRequest, "cursor");
        await (await client.GetAsync("/api/v1/contacts?limit=1001")).ProblemAsync(HttpStatusCode.BadRequest, "limit");
    }

    [Theory, SqliteData, PostgresData]
    public async Task Patch_changes_only_the_given_fields_and_null_clears_one(string provider)
    {
        var client = await Sales(provider);
        var company = await CreateCompanyAsync(client, "Patch Co", new { email = "a@patch.example", city = "Malmö", phoneNo = "123" });
        var url = $"/api/v1/contacts/{company.Str("no")}";
        var patched = await (await client.PatchAsync(url, new Dictionary<string, object?> { ["city"] = "Lund", ["phoneNo"] = null }))
            .JsonAsync(HttpStatusCode.OK);
        Assert.Equal("Lund", patched.Str("city"));
        Assert.Null(patched.Str("phoneNo"));
        Assert.Equal("a@patch.example", patched.Str("email"));
        Assert.Equal("Patch Co", patched.Str("name"));
        await (await client.PatchAsync(url, new { no = "OTHER" })).ProblemAsync(HttpStatusCode.BadRequest, "no");
        await (await client.PatchAsync("/api/v1/contacts/NOSUCH", new { city = "X" })).ProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_company_with_persons_cannot_be_deleted_but_a_person_can(string provider)
    {
        var client = await Sales(provider);
        var company = await CreateCompanyAsync(client, "Delete Co");
        var person = await (await client.PostAsync("/api/v1/contacts", new { type = "person", name = "Del Person", companyNo = company.Str("no") })).JsonAsync(HttpStatusCode.Created);

        await (await client.DeleteAsync($"/api/v1/contacts/{company.Str("no")}")).ProblemAsync(HttpStatusCode.Conflict);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/contacts/{person.Str("no")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/contacts/{person.Str("no")}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/contacts/{company.Str("no")}")).StatusCode);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_duplicate_number_is_a_conflict_and_stores_nothing(string provider)
    {
        var client = await Sales(provider);
        var no = Unique.Code("DUP");
        await (await client.PostAsync("/api/v1/contacts", new { no, name = "First" })).JsonAsync(HttpStatusCode.Created);
        await (await client.PostAsync("/api/v1/contacts", new { no = no.ToLowerInvariant(), name = "Second" })).ProblemAsync(HttpStatusCode.Conflict, "no");
        var stored = await (await client.GetAsync($"/api/v1/contacts/{no}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("First", stored.Str("name"));
    }

    public static TheoryData<string, string, string> BadBodies => new()
    {
        { "over-long name", /*lang=json*/ $$"""{"name":"{{new string('x', 101)}}","email":"m@{{"tag"}}.example"}""", "name" },
        { "over-long no", /*lang=json*/ $$"""{"no":"{{new string('N', 21)}}","name":"{{"tag"}}"}""", "no" },
        { "wrong type for name", /*lang=json*/ """{"name":42}""", "name" },
        { "wrong type for flag", /*lang=json*/ """{"name":"tag","privacyBlocked":"yes"}""", "privacyBlocked" },
        { "unknown enum value", /*lang=json*/ """{"name":"tag","type":"robot"}""", "type" },
        { "unknown correspondence type", /*lang=json*/ """{"name":"tag","correspondenceType":"fax"}""", "correspondenceType" },
        { "number for enum", /*lang=json*/ """{"name":"tag","type":1}""", "type" },
        { "missing name", /*lang=json*/ """{"type":"company","email":"q@tag.example"}""", "name" },
        { "blank name", /*lang=json*/ """{"name":"   "}""", "name" },
        { "invalid email", /*lang=json*/ """{"name":"tag","email":"not an email"}""", "email" },
        { "unknown salesperson", /*lang=json*/ """{"name":"tag","salespersonCode":"NOSUCHSP"}""", "salespersonCode" },
        { "unknown field", /*lang=json*/ """{"name":"tag","nmae":"typo"}""", "nmae" },
        { "malformed JSON", """{"name":"tag",""", "body" },
        { "not an object", """["tag"]""", "body" },
    };

    [Theory, SqliteData(nameof(BadBodies)), PostgresData(nameof(BadBodies))]
    public async Task Bad_input_is_a_400_naming_the_field_and_stores_nothing(string provider, string why, string body, string field)
    {
        var client = await Sales(provider);
        var tag = Unique.Code("BAD");
        body = body.Replace("tag", tag, StringComparison.Ordinal);
        var before = await CountAsync(provider);
        var response = await client.PostRawAsync("/api/v1/contacts", body);
        await response.ProblemAsync(HttpStatusCode.BadRequest, field);
        // Tests of one class run one after another, so the count is this test's alone.
        Assert.True(before == await CountAsync(provider), $"{why}: something was stored");
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_body_that_is_not_json_is_415(string provider)
    {
        var client = await Sales(provider);
        await (await client.PostRawAsync("/api/v1/contacts", "name=x", "application/x-www-form-urlencoded"))
            .ProblemAsync(HttpStatusCode.UnsupportedMediaType);
    }
}
