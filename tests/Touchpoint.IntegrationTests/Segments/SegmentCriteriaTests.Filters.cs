using System.Net;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Segments;

/// <summary>BC filter expressions in a segment's criteria, and the count a user sees before running them.</summary>
public sealed partial class SegmentCriteriaTests
{
    [Theory, SqliteData, PostgresData]
    public async Task Criteria_take_alternatives_ranges_wildcards_and_not_equal_and_the_count_tells_beforehand(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var tag = Unique.Code("F");
        var posterenk = await ContactAsync(w, new { name = "Per Posterenk", city = $"Posterenk {tag}", postCode = "1000", countryRegionCode = "DK" });
        var kramlov = await ContactAsync(w, new { name = "Karin Kramlöv", city = $"Kramlöv {tag}", postCode = "1500", countryRegionCode = "SE" });
        var lund = await ContactAsync(w, new { name = "Lars Lund", city = $"Lund {tag}", postCode = "2500" });
        await ContactAsync(w, new { name = "Ylva Ystad", city = $"Ystad {tag}", postCode = "1200", privacyBlocked = true });
        var no = (await (await w.Client.PostAsync("/api/v1/segments", new { description = "Filters" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        var either = new { city = $"posterenk {tag}|KRAMLÖV {tag}" };

        Assert.Equal((2, 2), await CountAsync(w, no, either));
        Assert.Empty(await ContactNosAsync(w, no));
        Assert.Equal(2, await AddAsync(w, no, either));
        Assert.Equal([posterenk, kramlov], await ContactNosAsync(w, no));

        var all = $"*{tag}";
        Assert.Equal((3, 1), await CountAsync(w, no, new { city = all }));
        Assert.Equal((2, 0), await CountAsync(w, no, new { city = all, postCode = "1000..2000" }));
        Assert.Equal((1, 0), await CountAsync(w, no, new { city = all, postCode = "..1200" }));
        Assert.Equal((2, 1), await CountAsync(w, no, new { city = all, postCode = ">=1500" }));
        Assert.Equal((1, 1), await CountAsync(w, no, new { city = $"?und {tag}" }));
        Assert.Equal((2, 1), await CountAsync(w, no, new { city = all, countryRegionCode = "<>DK" }));
        Assert.Equal((1, 1), await CountAsync(w, no, new { city = all, countryRegionCode = "''" }));
        Assert.Equal((2, 0), await CountAsync(w, no, new { city = all, countryRegionCode = "dk|se" }));
        Assert.Equal((0, 0), await CountAsync(w, no, new { city = $"Posterenk {tag}", countryRegionCode = "SE" }));

        Assert.Equal(1, await RemoveAsync(w, no, "reduceContacts", new { city = all, countryRegionCode = "<>DK" }));
        Assert.Equal([posterenk], await ContactNosAsync(w, no));
        Assert.Equal(2, await AddAsync(w, no, new { city = all, postCode = "1500..|<1100" }));
        Assert.Equal([posterenk, kramlov, lund], await ContactNosAsync(w, no));
        Assert.Equal(1, await RemoveAsync(w, no, "refineContacts", new { city = $"Kr*{tag}|Posterenk*" }));
        Assert.Equal([posterenk, kramlov], await ContactNosAsync(w, no));

        var criteria = await (await w.Client.GetAsync($"/api/v1/segments/{no}/criteria")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(either.city, criteria[0].GetProperty("filter").Str("city"));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_plain_value_still_matches_exactly_and_codes_in_any_case(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var tag = Unique.Code("P");
        var exact = await ContactAsync(w, new { name = "Exact", city = $"Malmö {tag}", salespersonCode = w.Salesperson });
        await ContactAsync(w, new { name = "Longer", city = $"Malmö {tag} Norra", salespersonCode = w.Salesperson });
        var no = (await (await w.Client.PostAsync("/api/v1/segments", new { description = "Plain" })).JsonAsync(HttpStatusCode.Created)).Str("no");

        Assert.Equal((1, 1), await CountAsync(w, no, new { city = $"malmö {tag}" }));
        Assert.Equal((2, 2), await CountAsync(w, no, new { salespersonCode = w.Salesperson.ToLowerInvariant() }));
        Assert.Equal(1, await AddAsync(w, no, new { city = $"MALMÖ {tag}", salespersonCode = w.Salesperson }));
        Assert.Equal([exact], await ContactNosAsync(w, no));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_malformed_filter_is_a_400_at_its_field_and_changes_nothing(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var no = (await (await w.Client.PostAsync("/api/v1/segments", new { description = "Strict" })).JsonAsync(HttpStatusCode.Created)).Str("no");

        var problem = await (await w.Client.PostAsync($"/api/v1/segments/{no}/addContacts", new { filter = new { city = "A||B" } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "filter.city");
        Assert.Contains("A||B", problem.GetProperty("errors").GetProperty("filter.city")[0].GetString(), StringComparison.Ordinal);
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/countContacts", new { filter = new { postCode = "1..2..3" } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "filter.postCode");
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/reduceContacts", new { filter = new { countryRegionCode = "<>" } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "filter.countryRegionCode");
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/refineContacts", new { filter = new { interactions = new { interactionGroupCode = "'open" } } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "filter.interactions.interactionGroupCode");
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/addContacts", new { filter = new { city = string.Join('|', Enumerable.Range(1, 51)) } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "filter.city");
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/addContacts", new { filter = new { city = new string('A', 251) } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "filter.city");
        await (await w.Client.PostAsync($"/api/v1/segments/{no}/countContacts", new { filter = new { colour = "red" } }))
            .ProblemAsync(HttpStatusCode.BadRequest, "filter.colour");
        await (await w.Client.PostAsync("/api/v1/segments/NOSUCH/countContacts", new { filter = new { city = "X" } })).ProblemAsync(HttpStatusCode.NotFound);

        Assert.Empty((await (await w.Client.GetAsync($"/api/v1/segments/{no}/criteria")).JsonAsync(HttpStatusCode.OK)).EnumerateArray());
        Assert.Empty(await ContactNosAsync(w, no));
    }

    private static async Task<(int Matching, int New)> CountAsync(InteractionWorld w, string no, object filter)
    {
        var counts = await (await w.Client.PostAsync($"/api/v1/segments/{no}/countContacts", new { filter })).JsonAsync(HttpStatusCode.OK);
        return (counts.GetProperty("matching").GetInt32(), counts.GetProperty("new").GetInt32());
    }

    private static async Task<string[]> ContactNosAsync(InteractionWorld w, string no) =>
        [.. (await (await w.Client.GetAsync($"/api/v1/segments/{no}/lines?limit=1000")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("value").EnumerateArray().Select(l => l.Str("contactNo")).Order(StringComparer.Ordinal)];
}
