using System.Linq.Expressions;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Interactions;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Common;

/// <summary>
/// Sorting the interaction log and the contact list by any of their columns (the API's <c>sort</c>), page after
/// page, and the log's totals over everything its filters select.
/// </summary>
public sealed class ListSortTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    // The order each sort must give, written as a query of its own: the column (blank first), then the entry no.
    private static readonly Dictionary<string, Func<IQueryable<InteractionLogEntry>, bool, IQueryable<InteractionLogEntry>>> EntryOrders = new()
    {
        ["date"] = (q, d) => d
            ? q.OrderByDescending(e => e.Date).ThenByDescending(e => e.TimeOfInteraction).ThenByDescending(e => e.EntryNo)
            : q.OrderBy(e => e.Date).ThenBy(e => e.TimeOfInteraction).ThenBy(e => e.EntryNo),
        ["entryNo"] = (q, d) => By(q, e => e.EntryNo, d),
        ["description"] = (q, d) => By(q, e => e.Description, d),
        ["contactNo"] = (q, d) => By(q, e => e.ContactNo, d),
        ["interactionTemplateCode"] = (q, d) => By(q, e => e.InteractionTemplateCode, d),
        ["salespersonCode"] = (q, d) => By(q, e => e.SalespersonCode ?? "", d),
        ["costLcy"] = (q, d) => By(q, e => e.CostLcy, d),
        ["durationMin"] = (q, d) => By(q, e => e.DurationMin, d),
        ["evaluation"] = (q, d) => By(q, e => e.Evaluation, d),
        ["documentNo"] = (q, d) => By(q, e => e.DocumentNo ?? "", d),
        ["deliveryStatus"] = (q, d) => By(q, e => e.DeliveryStatus, d),
        ["canceled"] = (q, d) => By(q, e => e.Canceled, d),
    };

    private static readonly Dictionary<string, Func<IQueryable<Contact>, bool, IQueryable<Contact>>> ContactOrders = new()
    {
        ["no"] = (q, d) => d ? q.OrderByDescending(c => c.No) : q.OrderBy(c => c.No),
        ["name"] = (q, d) => d ? q.OrderByDescending(c => c.SearchName).ThenByDescending(c => c.No) : q.OrderBy(c => c.SearchName).ThenBy(c => c.No),
        ["companyName"] = (q, d) => ByNo(q, c => c.CompanyName ?? "", d),
        ["type"] = (q, d) => ByNo(q, c => c.Type, d),
        ["city"] = (q, d) => ByNo(q, c => c.City ?? "", d),
        ["phoneNo"] = (q, d) => ByNo(q, c => c.PhoneNo ?? "", d),
        ["email"] = (q, d) => ByNo(q, c => c.Email ?? "", d),
        ["salespersonCode"] = (q, d) => ByNo(q, c => c.SalespersonCode ?? "", d),
    };

    [Theory, SqliteData, PostgresData]
    public async Task The_log_sorts_by_each_column_both_ways_page_after_page(string provider)
    {
        var app = apps.For(provider);
        var w = await LogWorldAsync(app);

        foreach (var (field, order) in EntryOrders)
        {
            foreach (var descending in new[] { false, true })
            {
                var expected = await app.WithScopeAsync(sp => order(Entries(sp, w), descending).Select(e => e.EntryNo).ToListAsync());
                var sort = (descending ? "-" : "") + field;
                var shown = await PagesAsync(w.Client, $"/api/v1/interactionLogEntries?contactCompanyNo={w.Company}&sort={sort}", e => e.GetProperty("entryNo").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
                Assert.True(expected.Count == 6, $"{sort}: {expected.Count} entries");
                Assert.True(expected.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).SequenceEqual(shown), $"{sort}: expected {string.Join(",", expected)}, got {string.Join(",", shown)}");
            }
        }
        // What a person reads: the costs in the order asked for, whatever the entry nos.
        var costs = await PagesAsync(w.Client, $"/api/v1/interactionLogEntries?contactCompanyNo={w.Company}&sort=-costLcy", e => e.GetProperty("costLcy").GetDecimal().ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(["7.50", "5.00", "5.00", "1.25", "1.25", "0.00"], costs);
        // Without a sort, and with sort=-date, the log's own order, newest first.
        Assert.Equal(
            await PagesAsync(w.Client, $"/api/v1/interactionLogEntries?contactCompanyNo={w.Company}", e => e.GetProperty("entryNo").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)),
            await PagesAsync(w.Client, $"/api/v1/interactionLogEntries?contactCompanyNo={w.Company}&sort=-date", e => e.GetProperty("entryNo").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Theory, SqliteData, PostgresData]
    public async Task A_sort_the_log_or_the_contacts_do_not_have_is_a_400_at_sort(string provider)
    {
        var w = await InteractionWorld.CreateAsync(apps.For(provider));
        var problem = await (await w.Client.GetAsync("/api/v1/interactionLogEntries?sort=-userId")).ProblemAsync(HttpStatusCode.BadRequest, "sort");
        Assert.Contains("costLcy", problem.GetRawText(), StringComparison.Ordinal);
        await (await w.Client.GetAsync("/api/v1/interactionLogEntries?sort=-")).ProblemAsync(HttpStatusCode.BadRequest, "sort");
        await (await w.Client.GetAsync("/api/v1/contacts?sort=address")).ProblemAsync(HttpStatusCode.BadRequest, "sort");

        // A cursor belongs to its sort: another sort's cursor is refused, not read as something else.
        await LogAsync(w, w.Company, "2026-02-01", "One", 1m);
        await LogAsync(w, w.Company, "2026-02-02", "Two", 2m);
        var first = await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?contactCompanyNo={w.Company}&sort=costLcy&limit=1")).JsonAsync(HttpStatusCode.OK);
        var cursor = Uri.EscapeDataString(first.Str("nextCursor"));
        await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?contactCompanyNo={w.Company}&sort=durationMin&cursor={cursor}")).ProblemAsync(HttpStatusCode.BadRequest, "cursor");
        await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?contactCompanyNo={w.Company}&cursor={cursor}")).ProblemAsync(HttpStatusCode.BadRequest, "cursor");
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_contact_list_sorts_by_each_column_both_ways_page_after_page(string provider)
    {
        var app = apps.For(provider);
        var w = await InteractionWorld.CreateAsync(app);
        var tag = Unique.Code("Q");
        await ContactAsync(w, new { name = "Zed Corp", city = $"Alby {tag}", phoneNo = "+46 8 100", email = "zed@example.com", salespersonCode = w.Salesperson });
        await ContactAsync(w, new { name = "anna", city = $"Boda {tag}", phoneNo = "+46 8 300" });
        await ContactAsync(w, new { name = "Anna", city = $"Alby {tag}", email = "anna@example.com", salespersonCode = w.Salesperson });
        var company = await ContactAsync(w, new { name = "Mid Co", city = $"Cala {tag}" });
        await ContactAsync(w, new { type = "person", name = "Per Son", companyNo = company, city = $"Boda {tag}", phoneNo = "+46 8 200" });

        foreach (var (field, order) in ContactOrders)
        {
            foreach (var descending in new[] { false, true })
            {
                var expected = await app.WithScopeAsync(sp => order(sp.GetRequiredService<ITouchpointDb>().Contacts.AsNoTracking().Where(c => c.City!.EndsWith(tag)), descending)
                    .Select(c => c.No).ToListAsync());
                var sort = (descending ? "-" : "") + field;
                var shown = await PagesAsync(w.Client, $"/api/v1/contacts?city=*{tag}&sort={sort}", c => c.Str("no"));
                Assert.True(expected.Count == 5, $"{sort}: {expected.Count} contacts");
                Assert.True(expected.SequenceEqual(shown), $"{sort}: expected {string.Join(",", expected)}, got {string.Join(",", shown)}");
            }
        }
        var cities = await PagesAsync(w.Client, $"/api/v1/contacts?city=*{tag}&sort=-city", c => c.Str("city"));
        Assert.Equal([$"Cala {tag}", $"Boda {tag}", $"Boda {tag}", $"Alby {tag}", $"Alby {tag}"], cities);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_log_totals_count_and_sum_everything_the_filters_select(string provider)
    {
        var app = apps.For(provider);
        var w = await LogWorldAsync(app);

        foreach (var filter in new[]
        {
            new InteractionLogEntryFilter { ContactCompanyNo = w.Company },
            new InteractionLogEntryFilter { ContactCompanyNo = w.Company, Canceled = false, Limit = 1 },
            new InteractionLogEntryFilter { ContactNo = w.Person, Date = "2026-03-01..2026-06-29" },
            new InteractionLogEntryFilter { ContactNo = w.Person, Search = "nothing like it" },
        })
        {
            var totals = await app.WithScopeAsync(sp => sp.GetRequiredService<ListInteractionLogEntries>().TotalsAsync(filter));
            // The same entries, read one by one and added up here.
            var rows = await app.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().InteractionLogEntries.AsNoTracking()
                .Where(e => !e.Postponed && (filter.ContactCompanyNo == null || e.ContactCompanyNo == filter.ContactCompanyNo)
                    && (filter.ContactNo == null || e.ContactNo == filter.ContactNo)
                    && (filter.Canceled == null || e.Canceled == filter.Canceled))
                .Select(e => new { e.Date, e.Description, e.CostLcy, e.DurationMin }).ToListAsync());
            var selected = rows.Where(e => filter.Date is null || (e.Date >= new DateOnly(2026, 3, 1) && e.Date <= new DateOnly(2026, 6, 29)))
                .Where(e => filter.Search is null).ToList();
            Assert.Equal(new InteractionLogTotals(selected.Count, selected.Sum(e => e.CostLcy), selected.Sum(e => e.DurationMin)), totals);
        }
        var all = await app.WithScopeAsync(sp => sp.GetRequiredService<ListInteractionLogEntries>().TotalsAsync(new() { ContactCompanyNo = w.Company }));
        Assert.Equal(new InteractionLogTotals(6, 20m, 165m), all);
    }

    private static IQueryable<InteractionLogEntry> By<T>(IQueryable<InteractionLogEntry> q, Expression<Func<InteractionLogEntry, T>> key, bool descending) =>
        descending ? q.OrderByDescending(key).ThenByDescending(e => e.EntryNo) : q.OrderBy(key).ThenBy(e => e.EntryNo);

    private static IQueryable<Contact> ByNo<T>(IQueryable<Contact> q, Expression<Func<Contact, T>> key, bool descending) =>
        descending ? q.OrderByDescending(key).ThenByDescending(c => c.No) : q.OrderBy(key).ThenBy(c => c.No);

    private static IQueryable<InteractionLogEntry> Entries(IServiceProvider sp, InteractionWorld w) =>
        sp.GetRequiredService<ITouchpointDb>().InteractionLogEntries.AsNoTracking().Where(e => e.ContactCompanyNo == w.Company && !e.Postponed);

    // Six entries of a company and its person that differ (and tie) in every column: two share date and time, two
    // the cost, one is canceled, one has another salesperson.
    private static async Task<InteractionWorld> LogWorldAsync(TouchpointApp app)
    {
        var w = await InteractionWorld.CreateAsync(app);
        var other = Unique.Code("A");
        await (await w.Admin.PostAsync("/api/v1/salespeople", new { code = other, name = "Ann Other" })).JsonAsync(HttpStatusCode.Created);
        await LogAsync(w, w.Company, "2026-01-15", "Bravo", 5m, 30, "positive", time: "10:00:00");
        await LogAsync(w, w.Person, "2026-03-01", "alpha", 1.25m, 15, time: "09:00:00", salesperson: other);
        await LogAsync(w, w.Person, "2026-03-01", "Charlie", 5m, 45, "negative", time: "08:00:00");
        var canceled = await LogAsync(w, w.Company, "2026-06-30", "Alpha", 0m, 0, time: "12:00:00");
        await LogAsync(w, w.Person, "2026-06-30", "Delta", 1.25m, 15, "veryPositive", time: "12:00:00");
        await LogAsync(w, w.Company, "2025-12-31", "Echo", 7.5m, 60, "neutral", time: "23:59:00");
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{canceled}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        return w;
    }

    private static async Task<long> LogAsync(InteractionWorld w, string contactNo, string date, string description, decimal costLcy,
        decimal durationMin = 15, string evaluation = "none", string time = "09:00:00", string? salesperson = null) =>
        (await (await w.Client.PostAsync("/api/v1/interactions", new
        {
            contactNo, interactionTemplateCode = w.Template, salespersonCode = salesperson ?? w.Salesperson, date, timeOfInteraction = time,
            description, costLcy, durationMin, evaluation,
        })).JsonAsync(HttpStatusCode.Created)).GetProperty("entryNo").GetInt64();

    private static async Task<string> ContactAsync(InteractionWorld w, object body) =>
        (await (await w.Client.PostAsync("/api/v1/contacts", body)).JsonAsync(HttpStatusCode.Created)).Str("no");

    // Every page, two rows at a time, so that each sort's cursor is walked across ties.
    private static async Task<List<string>> PagesAsync(HttpClient client, string url, Func<JsonElement, string> value)
    {
        var shown = new List<string>();
        string? cursor = null;
        do
        {
            var page = await (await client.GetAsync($"{url}&limit=2{(cursor is null ? "" : "&cursor=" + Uri.EscapeDataString(cursor))}")).JsonAsync(HttpStatusCode.OK);
            shown.AddRange(page.GetProperty("value").EnumerateArray().Select(value));
            cursor = page.GetProperty("nextCursor").GetString();
        }
        while (cursor is not null);
        return shown;
    }
}
