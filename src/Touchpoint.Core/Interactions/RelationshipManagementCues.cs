using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.Opportunities;
using Touchpoint.Core.Salespeople;
using Touchpoint.Core.Segments;

namespace Touchpoint.Core.Interactions;

/// <summary>
/// One cue of the home page (BC's role centre cue): how many records a list shows with the filter given. List is the
/// list's name, the same for the page (<c>/{list}?…</c>) and the API (<c>/api/v1/{list}?…</c>); Filter holds the
/// query parameters by the names both read, so that opening the cue shows exactly what it counted.
/// </summary>
public sealed record Cue(string Name, int Count, string List, IReadOnlyList<KeyValuePair<string, string>> Filter)
{
    public string Query => string.Join("&", Filter.Select(f => $"{f.Key}={Uri.EscapeDataString(f.Value)}"));
}

/// <summary>Interactions of one week (Monday to Sunday), the signed-in user's salesperson's and everyone's.</summary>
public sealed record WeekActivity(DateOnly WeekFrom, int Mine, int All);

/// <summary>
/// The home page's figures. SalespersonCode is the user's salesperson whose work the cues count; null when the user has
/// none, and then the cues count everyone's.
/// </summary>
public sealed record RelationshipManagementCuesDto(string? SalespersonCode, string? SalespersonName, DateOnly Today, DateOnly WeekFrom,
    DateOnly WeekTo, IReadOnlyList<Cue> Cues, IReadOnlyList<WeekActivity> Activity);

/// <summary>
/// BC's Relationship Management role centre: its cues, counted by the same use cases as the lists they open (one query
/// a cue), and the interactions per week of the last weeks. "My" is the salesperson the Create Interaction wizard
/// proposes for the user (rule 10: the salesperson with the user's e-mail, else the user's own salesperson code).
/// Weeks run Monday to Sunday, as ISO 8601 and BC's date formulas count them.
/// </summary>
public sealed class RelationshipManagementCues(ITouchpointDb db, IUserSetup users, TimeProvider clock, ListInteractionLogEntries log,
    ListOpportunities opportunities, ListSegments segments)
{
    public const int ActivityWeeks = 12;

    public const string InteractionsToday = "interactionsToday";
    public const string InteractionsThisWeek = "interactionsThisWeek";
    public const string PostponedInteractions = "postponedInteractions";
    public const string OpenOpportunities = "openOpportunities";
    public const string SegmentsNotLogged = "segmentsNotLogged";
    public const string DeliveriesInError = "deliveriesInError";

    public async Task<RelationshipManagementCuesDto> HandleAsync(string? userId, CancellationToken ct = default)
    {
        var salesperson = await InteractionDefaults.SalespersonCodeAsync(db, await users.FindAsync(userId, ct), null, ct);
        var salespersonName = salesperson is null ? null
            : await db.Salespeople.AsNoTracking().Where(s => s.Code == salesperson).Select(s => s.Name).FirstOrDefaultAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var weekFrom = WeekStart(today);
        var weekTo = weekFrom.AddDays(6);

        // The log's salesperson filter reads BC filter expressions: a code with a filter character is quoted, so it
        // matches only itself. Canceled entries are no work done, so the interaction cues leave them out.
        var mine = salesperson is null ? [] : new List<KeyValuePair<string, string>> { new("salespersonCode", salesperson) };
        var mineInLog = salesperson is null ? [] : new List<KeyValuePair<string, string>> { new("salespersonCode", FilterLiteral(salesperson)) };
        var logSalesperson = salesperson is null ? null : FilterLiteral(salesperson);

        var cues = new List<Cue>
        {
            new(InteractionsToday, await log.CountAsync(new InteractionLogEntryFilter
                { SalespersonCode = logSalesperson, DateFrom = today, DateTo = today, Canceled = false }, ct),
                "interactionLogEntries", [.. mineInLog, Pair("dateFrom", today), Pair("dateTo", today), new("canceled", "false")]),
            new(InteractionsThisWeek, await log.CountAsync(new InteractionLogEntryFilter
                { SalespersonCode = logSalesperson, DateFrom = weekFrom, DateTo = weekTo, Canceled = false }, ct),
                "interactionLogEntries", [.. mineInLog, Pair("dateFrom", weekFrom), Pair("dateTo", weekTo), new("canceled", "false")]),
            new(PostponedInteractions, await log.CountAsync(new InteractionLogEntryFilter { SalespersonCode = logSalesperson, Postponed = true }, ct),
                "postponedInteractions", mineInLog),
            new(OpenOpportunities, await opportunities.CountAsync(new OpportunityListQuery(null, null, salesperson, null, false, null, null), ct),
                "opportunities", [new("closed", "false"), .. mine]),
            new(SegmentsNotLogged, await segments.CountAsync(null, salesperson, ct), "segments", mine),
            // Failed letters wait for whoever acts on them first: everyone's, as the notice before the cues counted them.
            new(DeliveriesInError, await log.CountAsync(new InteractionLogEntryFilter { DeliveryStatus = DeliveryStatusFilter.Error }, ct),
                "interactionLogEntries", [new("deliveryStatus", "error")]),
        };
        return new RelationshipManagementCuesDto(salesperson, salespersonName, today, weekFrom, weekTo, cues,
            await ActivityAsync(salesperson, weekFrom.AddDays(-7 * (ActivityWeeks - 1)), weekTo, ct));
    }

    /// <summary>The Monday of the week <paramref name="date"/> is in.</summary>
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    /// <summary>
    /// Interactions per week, counted per day by the database (at most 84 rows back) and summed here: a year of a busy
    /// log is read through the (Postponed, Date) and (SalespersonCode, Canceled, Postponed, Date) indexes, not row by row.
    /// </summary>
    private async Task<IReadOnlyList<WeekActivity>> ActivityAsync(string? salesperson, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var done = db.InteractionLogEntries.AsNoTracking().Where(e => !e.Postponed && !e.Canceled && e.Date >= from && e.Date <= to);
        var all = await done.GroupBy(e => e.Date).Select(g => new { Date = g.Key, Count = g.Count() }).ToListAsync(ct);
        var mine = salesperson is null ? all
            : await done.Where(e => e.SalespersonCode == salesperson).GroupBy(e => e.Date).Select(g => new { Date = g.Key, Count = g.Count() }).ToListAsync(ct);
        return [.. Enumerable.Range(0, ActivityWeeks).Select(i => from.AddDays(7 * i)).Select(week => new WeekActivity(week,
            mine.Where(d => d.Date >= week && d.Date < week.AddDays(7)).Sum(d => d.Count),
            all.Where(d => d.Date >= week && d.Date < week.AddDays(7)).Sum(d => d.Count)))];
    }

    private static KeyValuePair<string, string> Pair(string name, DateOnly date) =>
        new(name, date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));

    // The characters that make a BC filter expression of a value (docs/api.md "Filters").
    private static readonly System.Buffers.SearchValues<char> FilterCharacters = System.Buffers.SearchValues.Create("|&.*?<>='@()");

    /// <summary>A code as a filter that matches exactly it, also when it holds a filter character.</summary>
    public static string FilterLiteral(string code) =>
        code.AsSpan().IndexOfAny(FilterCharacters) < 0 ? code : $"'{code.Replace("'", "''", StringComparison.Ordinal)}'";
}
