using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;
using Touchpoint.Persistence;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Interactions;

/// <summary>
/// The pre-summed statistics (InteractionTotals, BC's SIFT) must always equal what summing the log itself gives: after
/// logging, postponing, resuming, canceling (twice), un-canceling, deleting canceled entries and bulk writing, and when
/// many requests change the same entry at once.
/// </summary>
public sealed class InteractionTotalsTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private sealed record World(HttpClient Client, string Person, string Salesperson, string Group, string Template, string Campaign);

    private async Task<World> WorldAsync(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider), new { description = "Counted call", unitCostLcy = 2.35m, unitDurationMin = 7 });
        var campaign = (await (await w.Client.PostAsync("/api/v1/campaigns", new { description = "Totals campaign" })).JsonAsync(HttpStatusCode.Created)).Str("no");
        return new World(w.Client, w.Person, w.Salesperson, w.Group, w.Template, campaign);
    }

    private static async Task<long> LogAsync(World w, string date, decimal cost, bool postpone = false, bool target = false) =>
        (await (await w.Client.PostAsync("/api/v1/interactions", new
        {
            contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson, date, costLcy = cost,
            campaignNo = w.Campaign, campaignTarget = target, postpone,
        })).JsonAsync(HttpStatusCode.Created)).GetProperty("entryNo").GetInt64();

    private Task AssertTotalsMatchLogAsync(string provider, World w) =>
        TotalsAssert.MatchLogAsync(apps.For(provider), w.Template, w.Group, w.Salesperson, w.Campaign);

    [Theory, SqliteData, PostgresData]
    public async Task The_totals_follow_every_change_of_the_log(string provider)
    {
        var w = await WorldAsync(provider);
        var a = await LogAsync(w, "2026-03-02", 10.25m, target: true);
        var b = await LogAsync(w, "2026-03-02", 4.5m);
        var c = await LogAsync(w, "2026-04-15", 1m);
        var postponed = await LogAsync(w, "2026-04-16", 99m, postpone: true);
        await AssertTotalsMatchLogAsync(provider, w);

        var template = await (await w.Client.GetAsync($"/api/v1/interactionTemplates/{w.Template}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, template.GetProperty("noOfInteractions").GetInt32());
        Assert.Equal(15.75m, template.GetProperty("costLcy").GetDecimal());
        Assert.Equal(21m, template.GetProperty("durationMin").GetDecimal());
        var march = await (await w.Client.GetAsync($"/api/v1/interactionGroups/{w.Group}/statistics?dateFrom=2026-03-01&dateTo=2026-03-31")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, march.GetProperty("noOfInteractions").GetInt32());
        Assert.Equal(14.75m, march.GetProperty("costLcy").GetDecimal());

        // Canceled twice, un-canceled once, canceled again; a batch with an already canceled entry.
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{a}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{a}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        await AssertTotalsMatchLogAsync(provider, w);
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{a}/uncancel", new { })).JsonAsync(HttpStatusCode.OK);
        await AssertTotalsMatchLogAsync(provider, w);
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{b}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        await (await w.Client.PostAsync("/api/v1/interactionLogEntries/cancel", new { entryNos = new[] { a, b } })).JsonAsync(HttpStatusCode.OK);
        await AssertTotalsMatchLogAsync(provider, w);
        var campaign = await (await w.Client.GetAsync($"/api/v1/campaigns/{w.Campaign}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(0, campaign.GetProperty("targetContactsContacted").GetInt32());
        Assert.Equal(1m, campaign.GetProperty("costLcy").GetDecimal());

        // Finishing the postponed entry makes it count; deleting the canceled ones changes nothing.
        await (await w.Client.PostAsync($"/api/v1/postponedInteractions/{postponed}/resume", new { date = "2026-04-17" })).JsonAsync(HttpStatusCode.OK);
        await AssertTotalsMatchLogAsync(provider, w);
        await (await w.Client.PostAsync("/api/v1/interactionLogEntries/deleteCanceled", new { interactionTemplateCode = w.Template })).JsonAsync(HttpStatusCode.OK);
        await AssertTotalsMatchLogAsync(provider, w);
        var after = await (await w.Client.GetAsync($"/api/v1/salespeople/{w.Salesperson}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, after.GetProperty("noOfInteractions").GetInt32());
        Assert.Equal(100m, after.GetProperty("costLcy").GetDecimal());
        Assert.True(c > 0);

        // The bulk path (generator, segments) adds its counted entries in its own transaction.
        await apps.For(provider).WithScopeAsync(async sp =>
        {
            var line = new InteractionLine
            {
                ContactNo = w.Person, InteractionTemplateCode = w.Template, InteractionGroupCode = w.Group, SalespersonCode = w.Salesperson,
                Date = new DateOnly(2026, 4, 15), TimeOfInteraction = new TimeOnly(10, 0), CostLcy = 3.33m, DurationMin = 5, CampaignNo = w.Campaign,
            };
            var canceled = InteractionLogEntry.From(line, "bulk", postponed: false, campaignEntryNo: null);
            canceled.Cancel("bulk", DateTimeOffset.UtcNow);
            await sp.GetRequiredService<IDatabaseProvider>().BulkInsertInteractionLogEntriesAsync(sp.GetRequiredService<DatabaseSettings>().ConnectionString,
                [InteractionLogEntry.From(line, "bulk", false, null), InteractionLogEntry.From(line, "bulk", true, null), canceled]);
            return true;
        });
        await AssertTotalsMatchLogAsync(provider, w);
        var bulk = await (await w.Client.GetAsync($"/api/v1/interactionTemplates/{w.Template}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, bulk.GetProperty("noOfInteractions").GetInt32());
        Assert.Equal(103.33m, bulk.GetProperty("costLcy").GetDecimal());
    }

    [Theory, SqliteData, PostgresData]
    public async Task Many_requests_canceling_the_same_entry_at_once_take_it_off_the_statistics_once(string provider)
    {
        var w = await WorldAsync(provider);
        var entry = await LogAsync(w, "2026-05-04", 8m);
        await LogAsync(w, "2026-05-04", 2m);
        var app = apps.For(provider);
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => app.ClientAsync(Roles.Sales)));
        var responses = await Task.WhenAll(clients.Select(c => c.PostAsync($"/api/v1/interactionLogEntries/{entry}/cancel", new { })));
        // Each request either canceled it or was told that someone else changed it meanwhile; none failed otherwise.
        Assert.All(responses, r => Assert.Contains(r.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.Conflict }));
        await AssertTotalsMatchLogAsync(provider, w);
        var stats = await (await w.Client.GetAsync($"/api/v1/interactionTemplates/{w.Template}/statistics")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, stats.GetProperty("noOfInteractions").GetInt32());
        Assert.Equal(2m, stats.GetProperty("costLcy").GetDecimal());
    }
}
