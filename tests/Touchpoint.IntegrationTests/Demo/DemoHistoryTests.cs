using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Demo;
using Touchpoint.Core.Interactions;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Demo;

/// <summary>The demo company's year of interactions: what a new user sees in the log, the statistics and the wizard.</summary>
public sealed class DemoHistoryTests
{
    [Theory, SqliteData, PostgresData]
    public async Task The_demo_has_a_year_of_entries_whose_statistics_equal_the_log_with_a_logged_segment_postponed_and_canceled_entries(string provider)
    {
        using var app = new TouchpointApp(provider, seedDemo: true);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ITouchpointDb>();
            var statistics = sp.GetRequiredService<InteractionStatistics>();
            var today = DateOnly.FromDateTime(sp.GetRequiredService<TimeProvider>().GetLocalNow().DateTime);
            var entries = await db.InteractionLogEntries.AsNoTracking().ToListAsync();
            var counted = entries.Where(e => !e.Canceled && !e.Postponed).ToList();

            // Every one of the twelve months up to today has entries, none before or after the year.
            var months = counted.Select(e => (e.Date.Year, e.Date.Month)).ToHashSet();
            for (var month = today.AddMonths(-11); month <= today; month = month.AddMonths(1))
            {
                Assert.Contains((month.Year, month.Month), months);
            }
            Assert.All(entries, e => Assert.InRange(e.Date, today.AddYears(-1), today));
            Assert.True(counted.Count > 1000, $"{counted.Count} entries");

            // Statistics per template, salesperson and campaign: there, and the log's own sums.
            foreach (var template in counted.Select(e => e.InteractionTemplateCode).Distinct())
            {
                var fromLog = counted.Where(e => e.InteractionTemplateCode == template).ToList();
                var stats = await statistics.ForTemplateAsync(template, null, null);
                Assert.Equal((fromLog.Count, fromLog.Sum(e => e.CostLcy), fromLog.Sum(e => e.DurationMin)), (stats.NoOfInteractions, stats.CostLcy, stats.DurationMin));
            }
            var salespeople = await db.Salespeople.Select(s => s.Code).ToListAsync();
            foreach (var salesperson in salespeople)
            {
                var fromLog = counted.Where(e => e.SalespersonCode == salesperson).ToList();
                var stats = await statistics.ForSalespersonAsync(salesperson, null, null);
                Assert.NotEmpty(fromLog);
                Assert.Equal((fromLog.Count, fromLog.Sum(e => e.CostLcy), fromLog.Sum(e => e.DurationMin)), (stats.NoOfInteractions, stats.CostLcy, stats.DurationMin));
            }
            var campaigns = await db.Campaigns.Where(c => c.Activated).Select(c => c.No).ToListAsync();
            foreach (var campaign in campaigns)
            {
                var fromLog = counted.Where(e => e.CampaignNo == campaign).ToList();
                var stats = await statistics.ForCampaignAsync(campaign, null, null);
                Assert.True(stats.TargetContactsContacted > 0, campaign);
                Assert.Equal((fromLog.Count(e => e.CampaignTarget), fromLog.Count(e => e.CampaignResponse), fromLog.Sum(e => e.CostLcy)),
                    (stats.TargetContactsContacted, stats.ContactsResponded, stats.CostLcy));
                // Rule 47: each entry of a campaign counts on a campaign entry of it.
                var campaignEntries = await db.CampaignEntries.Where(c => c.CampaignNo == campaign).Select(c => c.EntryNo).ToListAsync();
                Assert.All(fromLog, e => Assert.Contains(e.CampaignEntryNo!.Value, campaignEntries));
            }
            Assert.Contains(counted, e => e.DocumentType == DocumentType.SalesInvoice);
            Assert.Contains(counted, e => e.InteractionTemplateCode == "GOLF" && e.LoggedSegmentEntryNo is null);

            // The golf invitations, logged as a segment, with the follow-up segment for the replies.
            var logged = await db.LoggedSegments.SingleAsync();
            Assert.Equal(DemoHistory.GolfSegmentDescription, logged.Description);
            Assert.True(entries.Count(e => e.LoggedSegmentEntryNo == logged.EntryNo) >= 20);
            var followUp = await db.SegmentHeaders.SingleAsync();
            Assert.Contains(logged.SegmentNo, followUp.Description, StringComparison.Ordinal);
            Assert.Equal(entries.Count(e => e.LoggedSegmentEntryNo == logged.EntryNo), await db.SegmentLines.CountAsync(l => l.SegmentNo == followUp.No));

            // Postponed and canceled entries, and opportunities with their interactions.
            Assert.InRange(entries.Count(e => e.Postponed), 3, 10);
            Assert.InRange(entries.Count(e => e.Canceled), 10, 40);
            Assert.True(counted.Where(e => e.OpportunityNo != null).Select(e => e.OpportunityNo).Distinct().Count() >= 10);
            Assert.True(await db.Opportunities.CountAsync() > 20);
            return true;
        });
        // The stored day totals match the log for every key, as after any other logging.
        await TotalsAssert.MatchLogAsync(app, "OUTGOING", "PHONE", "JR", "CP0002");
    }

    [Theory, SqliteData, PostgresData]
    public async Task Every_demo_template_passes_the_wizard_for_demo_contacts_of_every_correspondence_type_and_language(string provider)
    {
        using var app = new TouchpointApp(provider, seedDemo: true);
        var failures = await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ITouchpointDb>();
            var templates = await db.InteractionTemplates.Select(t => t.Code).OrderBy(c => c).ToListAsync();
            // A person for each correspondence type and each language of the demo (English, Dutch, Swedish, Russian, German…).
            var persons = (await db.Contacts.AsNoTracking().Where(c => c.Type == ContactType.Person && !c.PrivacyBlocked).ToListAsync())
                .GroupBy(c => (c.CorrespondenceType, c.LanguageCode)).Select(g => g.OrderBy(c => c.No, StringComparer.Ordinal).First()).ToList();
            Assert.Equal(3, persons.Select(p => p.CorrespondenceType).Distinct().Count());
            Assert.Equal(6, persons.Select(p => p.LanguageCode).Distinct().Count());
            var failures = new List<string>();
            foreach (var template in templates)
            {
                foreach (var person in persons)
                {
                    // As the wizard's page asks: the template's defaults for the contact (rules 12–15), then Finish.
                    var start = await sp.GetRequiredService<StartCreateInteraction>().HandleAsync(person.No, template, null);
                    try
                    {
                        await sp.GetRequiredService<CreateInteraction>().HandleAsync(new CreateInteractionRequest
                        {
                            ContactNo = person.No,
                            InteractionTemplateCode = template,
                            SalespersonCode = start.SalespersonCode,
                            Description = start.Template!.Description,
                            CorrespondenceType = start.Template.CorrespondenceType,
                            LanguageCode = start.Template.LanguageCode,
                        }, "wizard-user");
                    }
                    catch (DomainException e)
                    {
                        failures.Add($"{template} for {person.No} ({person.CorrespondenceType}, {person.LanguageCode}): {e.Message}");
                    }
                }
            }
            return failures;
        });
        Assert.Empty(failures);
    }
}
