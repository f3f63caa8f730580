using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>The filters of GET /interactionLogEntries; the code fields take BC filter expressions (A|B, A..B, *, &lt;&gt;, '').</summary>
public sealed record InteractionLogEntryFilter
{
    public string? ContactNo { get; init; }
    public string? ContactCompanyNo { get; init; }
    public string? InteractionTemplateCode { get; init; }
    public string? InteractionGroupCode { get; init; }
    public string? SalespersonCode { get; init; }
    public string? CampaignNo { get; init; }
    public string? SegmentNo { get; init; }
    public long? LoggedSegmentEntryNo { get; init; }
    public string? OpportunityNo { get; init; }
    public DocumentType? DocumentType { get; init; }
    public string? DocumentNo { get; init; }
    public bool? Canceled { get; init; }
    public DateOnly? DateFrom { get; init; }
    public DateOnly? DateTo { get; init; }

    /// <summary>A BC date filter (<c>2026-01-01..2026-06-30</c>, <c>..2026-06-30</c>, <c>2026-03-01|2026-03-08</c>), besides the period.</summary>
    public string? Date { get; init; }
    public string? Search { get; init; }
    public DeliveryStatusFilter? DeliveryStatus { get; init; }

    /// <summary>BC's two pages: Interaction Log Entries (false) and Postponed Interactions (true).</summary>
    public bool Postponed { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }

    /// <summary>The column to sort by; none is the log's own order, newest first (<c>-date</c>).</summary>
    public InteractionLogSort? Sort { get; init; }
    public bool Descending { get; init; }
}

/// <summary>
/// The columns the log can be sorted by (the API's <c>sort</c>): the whitelist. Date sorts by date, time and entry no.,
/// as the log's own order does; the others by the column and then the entry no.
/// </summary>
public enum InteractionLogSort
{
    Date = 0,
    EntryNo = 1,
    Description = 2,
    ContactNo = 3,
    InteractionTemplateCode = 4,
    SalespersonCode = 5,
    CostLcy = 6,
    DurationMin = 7,
    Evaluation = 8,
    DocumentNo = 9,
    DeliveryStatus = 10,
    Canceled = 11,
}

/// <summary>What the log's filters select, all of it rather than a page: the footer's totals.</summary>
public sealed record InteractionLogTotals(int NoOfEntries, decimal CostLcy, decimal DurationMin);

/// <summary>
/// The log's delivery filter: the entries whose delivery is under way or failed (Delivery Status In Progress, Error),
/// and those delivered (rule 48: the status back to blank, with the time it was sent).
/// </summary>
public enum DeliveryStatusFilter
{
    InProgress = 1,
    Error = 2,
    Delivered = 3,
}

/// <summary>
/// The interaction log, newest first (date, time, entry no. descending), keyset-paged. A company's filter covers the
/// company and all its persons (they share Contact Company No.). Postponed entries show only on their own page.
/// </summary>
public sealed class ListInteractionLogEntries(ITouchpointDb db)
{
    public async Task<Page<InteractionLogEntryDto>> HandleAsync(InteractionLogEntryFilter f, CancellationToken ct = default)
    {
        if (f.Sort is { } sort && sort != InteractionLogSort.Date)
        {
            return await SortedAsync(f, Columns[sort], ct);
        }
        // Newest first unless sort=date (oldest first); both walk the indexes that end in (Date, Time, Entry No.).
        var ascending = f.Sort == InteractionLogSort.Date && !f.Descending;
        var take = Cursor.Limit(f.Limit);
        var after = Cursor.Decode(f.Cursor, 3);
        var entries = Matching(f);
        if (after is not null)
        {
            var date = Cursor.Date(after[0]);
            var time = Cursor.Time(after[1]);
            var no = Cursor.Long(after[2]);
            entries = ascending
                ? entries.Where(e => e.Date > date || (e.Date == date && (e.TimeOfInteraction > time || (e.TimeOfInteraction == time && e.EntryNo > no))))
                : entries.Where(e => e.Date < date || (e.Date == date && (e.TimeOfInteraction < time || (e.TimeOfInteraction == time && e.EntryNo < no))));
        }
        entries = ascending
            ? entries.OrderBy(e => e.Date).ThenBy(e => e.TimeOfInteraction).ThenBy(e => e.EntryNo).Take(take + 1)
            : entries.OrderByDescending(e => e.Date).ThenByDescending(e => e.TimeOfInteraction).ThenByDescending(e => e.EntryNo).Take(take + 1);
        var rows = (await InteractionLogEntryQuery.Project(db, entries).ToListAsync(ct)).Select(r => r.WithTitle());
        rows = ascending
            ? rows.OrderBy(e => e.Date).ThenBy(e => e.TimeOfInteraction).ThenBy(e => e.EntryNo)
            : rows.OrderByDescending(e => e.Date).ThenByDescending(e => e.TimeOfInteraction).ThenByDescending(e => e.EntryNo);
        return Paged.Of(rows.ToList(), take, e => [e.Date.ToString("O", CultureInfo.InvariantCulture), e.TimeOfInteraction.ToString("O", CultureInfo.InvariantCulture), e.EntryNo.ToString(CultureInfo.InvariantCulture)]);
    }

    /// <summary>
    /// Counts the entries the filters select and sums their cost and duration, in one aggregate query (the log's
    /// footer): everything selected, not the page shown.
    /// </summary>
    public async Task<InteractionLogTotals> TotalsAsync(InteractionLogEntryFilter f, CancellationToken ct = default) =>
        await Matching(f).GroupBy(e => 1)
            .Select(g => new InteractionLogTotals(g.Count(), g.Sum(e => e.CostLcy), g.Sum(e => e.DurationMin)))
            .FirstOrDefaultAsync(ct) ?? new InteractionLogTotals(0, 0, 0);

    private static readonly Dictionary<InteractionLogSort, SortColumn<InteractionLogEntry, InteractionLogEntryDto, long>> Columns = new()
    {
        [InteractionLogSort.EntryNo] = SortColumns.Integer<InteractionLogEntry, InteractionLogEntryDto, long>("entryNo", e => e.EntryNo, d => d.EntryNo),
        [InteractionLogSort.Description] = SortColumns.Text<InteractionLogEntry, InteractionLogEntryDto, long>("description", e => e.Description, d => d.Description),
        [InteractionLogSort.ContactNo] = SortColumns.Text<InteractionLogEntry, InteractionLogEntryDto, long>("contactNo", e => e.ContactNo, d => d.ContactNo),
        [InteractionLogSort.InteractionTemplateCode] = SortColumns.Text<InteractionLogEntry, InteractionLogEntryDto, long>("interactionTemplateCode", e => e.InteractionTemplateCode, d => d.InteractionTemplateCode),
        [InteractionLogSort.SalespersonCode] = SortColumns.Text<InteractionLogEntry, InteractionLogEntryDto, long>("salespersonCode", e => e.SalespersonCode ?? "", d => d.SalespersonCode),
        [InteractionLogSort.CostLcy] = SortColumns.Number<InteractionLogEntry, InteractionLogEntryDto, long>("costLcy", e => e.CostLcy, d => d.CostLcy),
        [InteractionLogSort.DurationMin] = SortColumns.Number<InteractionLogEntry, InteractionLogEntryDto, long>("durationMin", e => e.DurationMin, d => d.DurationMin),
        [InteractionLogSort.Evaluation] = SortColumns.Option<InteractionLogEntry, InteractionLogEntryDto, long>("evaluation", e => (int)e.Evaluation, d => (int)d.Evaluation),
        [InteractionLogSort.DocumentNo] = SortColumns.Text<InteractionLogEntry, InteractionLogEntryDto, long>("documentNo", e => e.DocumentNo ?? "", d => d.DocumentNo),
        [InteractionLogSort.DeliveryStatus] = SortColumns.Option<InteractionLogEntry, InteractionLogEntryDto, long>("deliveryStatus", e => (int)e.DeliveryStatus, d => (int)d.DeliveryStatus),
        [InteractionLogSort.Canceled] = SortColumns.Option<InteractionLogEntry, InteractionLogEntryDto, long>("canceled", e => e.Canceled ? 1 : 0, d => d.Canceled ? 1 : 0),
    };

    // Another column's order: a page of entry nos. in that order, then those entries with their names, put back in it.
    // No index serves most of these orders, but a page is still one bounded read of the matching entries.
    private async Task<Page<InteractionLogEntryDto>> SortedAsync(InteractionLogEntryFilter f, SortColumn<InteractionLogEntry, InteractionLogEntryDto, long> column, CancellationToken ct)
    {
        var take = Cursor.Limit(f.Limit);
        var after = Cursor.Decode(f.Cursor, 3);
        var nos = await column.Apply(Matching(f), e => e.EntryNo, after, f.Descending).Select(e => e.EntryNo).Take(take + 1).ToListAsync(ct);
        var position = nos.Select((no, i) => (no, i)).ToDictionary(p => p.no, p => p.i);
        var rows = (await InteractionLogEntryQuery.Project(db, db.InteractionLogEntries.AsNoTracking().Where(e => nos.Contains(e.EntryNo))).ToListAsync(ct))
            .Select(r => r.WithTitle()).OrderBy(e => position[e.EntryNo]).ToList();
        return Paged.Of(rows, take, e => column.CursorKeys(e, e.EntryNo.ToString(CultureInfo.InvariantCulture)));
    }

    /// <summary>How many entries the filters match (the home page's failed deliveries); paging is ignored.</summary>
    public Task<int> CountAsync(InteractionLogEntryFilter f, CancellationToken ct = default) => Matching(f).CountAsync(ct);

    private IQueryable<InteractionLogEntry> Matching(InteractionLogEntryFilter f)
    {
        var entries = db.InteractionLogEntries.AsNoTracking().Where(e => e.Postponed == f.Postponed).Where(f);
        if (!string.IsNullOrWhiteSpace(f.Search))
        {
            foreach (var word in f.Search.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                entries = entries.Where(e => e.Description.ToUpper().Contains(word)
                    || (e.Subject != null && e.Subject.ToUpper().Contains(word))
                    || db.InteractionLogEntryComments.Any(c => c.EntryNo == e.EntryNo && c.Comment.ToUpper().Contains(word)));
            }
        }
        return entries;
    }
}

/// <summary>The log's column filters, shared by the list and the delete-canceled job.</summary>
internal static class InteractionLogEntryFilters
{
    /// <summary>
    /// An entry that went to delivery at least once: the filter of the partial index on delivery
    /// (<c>"DeliveryStatus" &lt;&gt; 0 OR "DeliveredAt" IS NOT NULL</c>), in the same order.
    /// </summary>
    public static readonly Expression<Func<InteractionLogEntry, bool>> Sent = e => e.DeliveryStatus != DeliveryStatus.None || e.DeliveredAt != null;

    public static IQueryable<InteractionLogEntry> Where(this IQueryable<InteractionLogEntry> entries, InteractionLogEntryFilter f)
    {
        // The code fields take BC's filter expressions; a plain value is an exact match, as it always was.
        if (f.DateFrom > f.DateTo)
        {
            throw DomainException.Invalid("dateTo", Messages.Get("DateToBeforeDateFrom"));
        }
        entries = entries.WhereFilter(f.ContactNo, FilterFieldType.Code, "contactNo", e => e.ContactNo);
        entries = entries.WhereFilter(f.ContactCompanyNo, FilterFieldType.Code, "contactCompanyNo", e => e.ContactCompanyNo);
        entries = entries.WhereFilter(f.InteractionTemplateCode, FilterFieldType.Code, "interactionTemplateCode", e => e.InteractionTemplateCode);
        entries = entries.WhereFilter(f.InteractionGroupCode, FilterFieldType.Code, "interactionGroupCode", e => e.InteractionGroupCode);
        entries = entries.WhereFilter(f.SalespersonCode, FilterFieldType.Code, "salespersonCode", e => e.SalespersonCode);
        entries = entries.WhereFilter(f.CampaignNo, FilterFieldType.Code, "campaignNo", e => e.CampaignNo);
        entries = entries.WhereFilter(f.SegmentNo, FilterFieldType.Code, "segmentNo", e => e.SegmentNo);
        if (f.LoggedSegmentEntryNo is { } logged)
        {
            entries = entries.Where(e => e.LoggedSegmentEntryNo == logged);
        }
        entries = entries.WhereFilter(f.OpportunityNo, FilterFieldType.Code, "opportunityNo", e => e.OpportunityNo);
        if (f.DocumentType is { } documentType)
        {
            entries = entries.Where(e => e.DocumentType == documentType);
        }
        entries = entries.WhereFilter(f.DocumentNo, FilterFieldType.Code, "documentNo", e => e.DocumentNo);
        if (f.Canceled is { } canceled)
        {
            entries = entries.Where(e => e.Canceled == canceled);
        }
        if (f.DateFrom is { } from)
        {
            entries = entries.Where(e => e.Date >= from);
        }
        if (f.DateTo is { } to)
        {
            entries = entries.Where(e => e.Date <= to);
        }
        entries = entries.WhereFilter(f.Date, FilterFieldType.Date, "date", e => e.Date);
        // Few entries were ever sent: a partial index holds only those, keyed like the log's order, so a page of them
        // is read from it without walking the whole log. Each condition repeats the index's own (Sent) because SQLite
        // uses a partial index only for a query that contains its WHERE term as written.
        entries = f.DeliveryStatus switch
        {
            null => entries,
            DeliveryStatusFilter.InProgress => entries.Where(Sent).Where(e => e.DeliveryStatus == DeliveryStatus.InProgress),
            DeliveryStatusFilter.Error => entries.Where(Sent).Where(e => e.DeliveryStatus == DeliveryStatus.Error),
            DeliveryStatusFilter.Delivered => entries.Where(Sent).Where(e => e.DeliveryStatus == DeliveryStatus.None && e.DeliveredAt != null),
            _ => throw DomainException.Invalid("deliveryStatus", Messages.Get("ValueNotInList", f.DeliveryStatus, Messages.Field("deliveryStatus"), "inProgress, error, delivered")),
        };
        return entries;
    }
}
