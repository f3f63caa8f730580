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
}

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
        var take = Cursor.Limit(f.Limit);
        var after = Cursor.Decode(f.Cursor, 3);
        var entries = Matching(f);
        if (after is not null)
        {
            var date = Cursor.Date(after[0]);
            var time = Cursor.Time(after[1]);
            var no = Cursor.Long(after[2]);
            entries = entries.Where(e => e.Date < date || (e.Date == date && (e.TimeOfInteraction < time || (e.TimeOfInteraction == time && e.EntryNo < no))));
        }
        entries = entries.OrderByDescending(e => e.Date).ThenByDescending(e => e.TimeOfInteraction).ThenByDescending(e => e.EntryNo).Take(take + 1);
        var rows = (await InteractionLogEntryQuery.Project(db, entries).ToListAsync(ct)).Select(r => r.WithTitle())
            .OrderByDescending(e => e.Date).ThenByDescending(e => e.TimeOfInteraction).ThenByDescending(e => e.EntryNo).ToList();
        return Paged.Of(rows, take, e => [e.Date.ToString("O", CultureInfo.InvariantCulture), e.TimeOfInteraction.ToString("O", CultureInfo.InvariantCulture), e.EntryNo.ToString(CultureInfo.InvariantCulture)]);
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
