using System.Net;
using System.Text.Json;
using Touchpoint.Core.Common;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.IntegrationTests.Users;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Home;

/// <summary>
/// The home page's cues: each counts exactly the rows its list answers when asked with the cue's own filter, for a
/// user with a salesperson (that salesperson's work) and for one without (everyone's).
/// </summary>
public sealed class RelationshipManagementCuesTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    [Theory, SqliteData, PostgresData]
    public async Task Each_cue_counts_what_its_list_shows_with_the_same_filter_for_the_users_salesperson(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        var me = await UserClients.SalesUserAsync(app, UserClients.NewEmail("cue"), w.Salesperson);
        var today = DateOnly.FromDateTime(DateTime.Now);
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));

        async Task<long> LogAsync(DateOnly date, bool postpone = false, string? salesperson = null) =>
            (await (await me.PostAsync("/api/v1/interactions", new
            {
                contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = salesperson ?? w.Salesperson,
                date = date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), postpone,
            })).JsonAsync(HttpStatusCode.Created)).GetProperty("entryNo").GetInt64();
        await LogAsync(today);
        await LogAsync(today);
        var canceled = await LogAsync(today);
        await (await w.Admin.PostAsync($"/api/v1/interactionLogEntries/{canceled}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        if (monday != today)
        {
            await LogAsync(monday);
        }
        await LogAsync(monday.AddDays(-3));
        await LogAsync(today, postpone: true);
        // Someone else's work is in everyone's figures only.
        var other = Unique.Code("SO");
        await (await w.Admin.PostAsync("/api/v1/salespeople", new { code = other, name = "Other Seller" })).JsonAsync(HttpStatusCode.Created);
        await LogAsync(today, salesperson: other);
        foreach (var (description, closed) in new[] { ("Open one", false), ("Open two", false), ("Won", true) })
        {
            var no = (await (await me.PostAsync("/api/v1/opportunities", new { description, contactNo = w.Person, salespersonCode = w.Salesperson }))
                .JsonAsync(HttpStatusCode.Created)).Str("no");
            if (closed)
            {
                await (await me.PatchAsync($"/api/v1/opportunities/{no}", new { closed = true })).JsonAsync(HttpStatusCode.OK);
            }
        }
        await (await w.Admin.PostAsync("/api/v1/segments", new { description = "Cue segment", interactionTemplateCode = w.Template, salespersonCode = w.Salesperson }))
            .JsonAsync(HttpStatusCode.Created);

        var home = await (await me.GetAsync("/api/v1/relationshipManagementCues")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(w.Salesperson, home.Str("salespersonCode"));
        Assert.Equal("Sam Seller", home.Str("salespersonName"));
        var cues = await CountedByListsAsync(me, home);
        Assert.Equal(2, cues["interactionsToday"]);
        Assert.Equal(monday == today ? 2 : 3, cues["interactionsThisWeek"]);
        Assert.Equal(1, cues["postponedInteractions"]);
        Assert.Equal(2, cues["openOpportunities"]);
        Assert.Equal(1, cues["segmentsNotLogged"]);
        Assert.True(cues.ContainsKey("deliveriesInError"));

        var weeks = home.GetProperty("activity").EnumerateArray().ToList();
        Assert.Equal(12, weeks.Count);
        Assert.Equal(monday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), weeks[^1].Str("weekFrom"));
        Assert.Equal(cues["interactionsThisWeek"], weeks[^1].GetProperty("mine").GetInt32());
        Assert.Equal(1, weeks[^2].GetProperty("mine").GetInt32());
        Assert.True(weeks[^1].GetProperty("all").GetInt32() >= cues["interactionsThisWeek"] + 1, "Everyone's week includes the other salesperson's interaction.");
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_user_without_a_salesperson_sees_everyones_work_and_the_lists_agree(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson }))
            .JsonAsync(HttpStatusCode.Created);
        var nobody = await UserClients.SalesUserAsync(app, UserClients.NewEmail("cueall"), null);

        var home = await (await nobody.GetAsync("/api/v1/relationshipManagementCues")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, home.GetProperty("salespersonCode").ValueKind);
        foreach (var cue in home.GetProperty("cues").EnumerateArray())
        {
            Assert.DoesNotContain("salespersonCode", cue.Str("query"), StringComparison.Ordinal);
        }
        var cues = await CountedByListsAsync(nobody, home);
        Assert.True(cues["interactionsToday"] >= 1);
        var weeks = home.GetProperty("activity").EnumerateArray().ToList();
        Assert.All(weeks, week => Assert.Equal(week.GetProperty("all").GetInt32(), week.GetProperty("mine").GetInt32()));
    }

    /// <summary>Each cue's count, asserted equal to the rows its list answers with the cue's filter (every page).</summary>
    private static async Task<Dictionary<string, int>> CountedByListsAsync(HttpClient client, JsonElement home)
    {
        var counts = new Dictionary<string, int>();
        foreach (var cue in home.GetProperty("cues").EnumerateArray())
        {
            var (name, count) = (cue.Str("name"), cue.GetProperty("count").GetInt32());
            var rows = 0;
            string? cursor = null;
            do
            {
                var url = $"/api/v1/{cue.Str("list")}?{cue.Str("query")}&limit=1000" + (cursor is null ? "" : $"&cursor={cursor}");
                var page = await (await client.GetAsync(url)).JsonAsync(HttpStatusCode.OK);
                rows += page.GetProperty("value").GetArrayLength();
                cursor = page.GetProperty("nextCursor").GetString();
            }
            while (cursor is not null);
            Assert.True(rows == count, $"The cue {name} counts {count}, its list /{cue.Str("list")}?{cue.Str("query")} shows {rows}.");
            counts[name] = count;
        }
        return counts;
    }
}
