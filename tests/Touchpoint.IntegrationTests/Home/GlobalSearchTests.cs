using System.Net;
using System.Text.Json;
using Touchpoint.Core.Common;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Home;

/// <summary>GET /search: records by kind and the caller's pages, bounded input.</summary>
public sealed class GlobalSearchTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private static JsonElement.ArrayEnumerator Group(JsonElement result, string kind) => result.GetProperty(kind).EnumerateArray();

    private static async Task<JsonElement> SearchAsync(HttpClient client, string q, string? language = null, int? limit = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/search?q={Uri.EscapeDataString(q)}" + (limit is null ? "" : $"&limit={limit}"));
        if (language is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(language);
        }
        return await (await client.SendAsync(request)).JsonAsync(HttpStatusCode.OK);
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_search_finds_contacts_by_name_no_and_email_and_the_other_records_by_no_and_description_grouped_by_kind(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var word = "Zq" + Unique.Code("").ToLowerInvariant();
        var email = $"{word}@search.example";
        var contact = await (await w.Client.PostAsync("/api/v1/contacts", new { name = $"Ada {word} Ltd", email, phoneNo = "+46 8 555 0101" }))
            .JsonAsync(HttpStatusCode.Created);
        var no = contact.Str("no");
        var opportunity = (await (await w.Client.PostAsync("/api/v1/opportunities", new { description = $"Chairs {word}", contactNo = no }))
            .JsonAsync(HttpStatusCode.Created)).Str("no");
        var segment = (await (await w.Admin.PostAsync("/api/v1/segments", new { description = $"Mailing {word}", interactionTemplateCode = w.Template }))
            .JsonAsync(HttpStatusCode.Created)).Str("no");
        var campaign = (await (await w.Admin.PostAsync("/api/v1/campaigns", new { description = $"Fair {word}" })).JsonAsync(HttpStatusCode.Created)).Str("no");

        var byName = await SearchAsync(w.Client, word.ToUpperInvariant());
        Assert.Equal([no], Group(byName, "contacts").Select(c => c.Str("no")));
        Assert.Equal($"Ada {word} Ltd", Group(byName, "contacts").Single().Str("title"));
        Assert.Contains(email, Group(byName, "contacts").Single().Str("detail"), StringComparison.Ordinal);
        Assert.Equal([opportunity], Group(byName, "opportunities").Select(o => o.Str("no")));
        Assert.Equal([segment], Group(byName, "segments").Select(s => s.Str("no")));
        Assert.Equal([campaign], Group(byName, "campaigns").Select(c => c.Str("no")));
        Assert.Empty(Group(byName, "pages"));

        Assert.Equal(no, Group(await SearchAsync(w.Client, no.ToLowerInvariant()), "contacts").First().Str("no"));
        Assert.Contains(Group(await SearchAsync(w.Client, email), "contacts"), c => c.Str("no") == no);
        Assert.Contains(Group(await SearchAsync(w.Client, "555 0101"), "contacts"), c => c.Str("no") == no);
        Assert.Contains(Group(await SearchAsync(w.Client, campaign), "campaigns"), c => c.Str("no") == campaign);
        // Two letters are too few for the trigram indexes: the start of the name still finds it.
        var twoLetters = await (await w.Client.PostAsync("/api/v1/contacts", new { name = $"Qy{word}" })).JsonAsync(HttpStatusCode.Created);
        Assert.Contains(Group(await SearchAsync(w.Client, "qy", limit: 20), "contacts"), c => c.Str("no") == twoLetters.Str("no"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_limit_applies_per_kind(string provider)
    {
        var client = await apps.For(provider).ClientAsync(Roles.Sales);
        var word = "Xk" + Unique.Code("").ToLowerInvariant();
        for (var i = 0; i < 3; i++)
        {
            await (await client.PostAsync("/api/v1/contacts", new { name = $"{word} {i}" })).JsonAsync(HttpStatusCode.Created);
        }
        Assert.Equal(3, Group(await SearchAsync(client, word), "contacts").Count());
        Assert.Equal(2, Group(await SearchAsync(client, word, limit: 2), "contacts").Count());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Pages_are_found_by_their_name_in_the_callers_language_and_only_those_the_caller_may_open(string provider)
    {
        var app = apps.For(provider);
        var sales = await app.ClientAsync(Roles.Sales);
        var admin = await app.ClientAsync(Roles.Admin);
        Assert.Contains(Group(await SearchAsync(sales, "interactielog", "nl"), "pages"), p => p.Str("href") == "/interactionLogEntries" && p.Str("title") == "Interactielogposten");
        Assert.Contains(Group(await SearchAsync(sales, "segment"), "pages"), p => p.Str("href") == "/segments");
        Assert.Contains(Group(await SearchAsync(admin, "template setup"), "pages"), p => p.Str("href") == "/setup/interactionTemplateSetup");
        Assert.DoesNotContain(Group(await SearchAsync(sales, "template setup"), "pages"), p => p.Str("href") == "/setup/interactionTemplateSetup");
        Assert.Contains(Group(await SearchAsync(sales, "взаимодейств", "ru"), "pages"), p => p.Str("href") == "/interactionLogEntries");
    }

    [Theory, SqliteData, PostgresData]
    public async Task Bounded_input_is_refused_naming_the_field(string provider)
    {
        var client = await apps.For(provider).ClientAsync(Roles.Viewer);
        await (await client.GetAsync("/api/v1/search")).ProblemAsync(HttpStatusCode.BadRequest, "q");
        await (await client.GetAsync("/api/v1/search?q=%20%20")).ProblemAsync(HttpStatusCode.BadRequest, "q");
        await (await client.GetAsync($"/api/v1/search?q={new string('a', GlobalSearch.MaxQueryLength + 1)}")).ProblemAsync(HttpStatusCode.BadRequest, "q");
        await (await client.GetAsync("/api/v1/search?q=ab&limit=0")).ProblemAsync(HttpStatusCode.BadRequest, "limit");
        await (await client.GetAsync($"/api/v1/search?q=ab&limit={GlobalSearch.MaxLimit + 1}")).ProblemAsync(HttpStatusCode.BadRequest, "limit");
        await (await client.GetAsync("/api/v1/search?q=ab&limit=many")).ProblemAsync(HttpStatusCode.BadRequest, "limit");
        await (await client.GetAsync($"/api/v1/search?q={new string('a', GlobalSearch.MaxQueryLength)}")).JsonAsync(HttpStatusCode.OK);
    }
}
