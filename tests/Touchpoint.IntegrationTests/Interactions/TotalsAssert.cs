using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Interactions;
using Touchpoint.Persistence;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Interactions;

/// <summary>The pre-summed statistics (InteractionTotals, BC's SIFT) must always equal what summing the log itself gives.</summary>
internal static class TotalsAssert
{
    /// <summary>Each key's totals as stored, next to the same sums taken from the log's entries.</summary>
    public static Task MatchLogAsync(TouchpointApp app, string template, string group, string salesperson, string campaign) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TouchpointDbContext>();
            var counted = db.InteractionLogEntries.AsNoTracking().Where(e => !e.Canceled && !e.Postponed);
            foreach (var (key, code, entries) in new[]
            {
                (InteractionTotalKey.Template, template, counted.Where(e => e.InteractionTemplateCode == template)),
                (InteractionTotalKey.Group, group, counted.Where(e => e.InteractionGroupCode == group)),
                (InteractionTotalKey.Salesperson, salesperson, counted.Where(e => e.SalespersonCode == salesperson)),
                (InteractionTotalKey.Campaign, campaign, counted.Where(e => e.CampaignNo == campaign)),
            })
            {
                var fromLog = (await entries.Select(e => new { e.Date, e.CostLcy, e.DurationMin, e.CampaignTarget }).ToListAsync())
                    .GroupBy(e => e.Date).Where(g => g.Any())
                    .ToDictionary(g => g.Key, g => (Count: (long)g.Count(), Cost: InteractionTotals.Hundredths(g.Sum(e => e.CostLcy)),
                        Duration: InteractionTotals.Hundredths(g.Sum(e => e.DurationMin)), Targets: (long)g.Count(e => e.CampaignTarget)));
                var stored = (await db.InteractionTotals.AsNoTracking().Where(t => t.Key == key && t.Code == code).ToListAsync())
                    .Where(t => t.NoOfInteractions != 0)
                    .ToDictionary(t => t.Date, t => (Count: t.NoOfInteractions, Cost: t.CostLcyHundredths, Duration: t.DurationMinHundredths, Targets: t.CampaignTargets));
                Assert.Equal(fromLog.OrderBy(p => p.Key), stored.OrderBy(p => p.Key));
                Assert.All(await db.InteractionTotals.AsNoTracking().Where(t => t.Key == key && t.Code == code && t.NoOfInteractions == 0).ToListAsync(),
                    t => Assert.Equal((0L, 0L, 0L), (t.CostLcyHundredths, t.DurationMinHundredths, t.CampaignTargets)));
            }
            return true;
        });
}
