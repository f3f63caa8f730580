using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>The filters of GET /interactionLogEntries.</summary>
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
        if (f.DateFrom > f.DateTo)
        {
            throw DomainException.Invalid("dateTo", Messages.Get("DateToBeforeDateFrom"));
        }
        if (Codes.Normalize(f.ContactNo) is { } contact)
        {
            entries = entries.Where(e => e.ContactNo == contact);
        }
        if (Codes.Normalize(f.ContactCompanyNo) is { } company)
        {
            entries = entries.Where(e => e.ContactCompanyNo == company);
        }
        if (Codes.Normalize(f.InteractionTemplateCode) is { } template)
        {
            entries = entries.Where(e => e.InteractionTemplateCode == template);
        }
        if (Codes.Normalize(f.InteractionGroupCode) is { } group)
        {
            entries = entries.Where(e => e.InteractionGroupCode == group);
        }
        if (Codes.Normalize(f.SalespersonCode) is { } salesperson)
        {
            entries = entries.Where(e => e.SalespersonCode == salesperson);
        }
        if (Codes.Normalize(f.CampaignNo) is { } campaign)
        {
            entries = entries.Where(e => e.CampaignNo == campaign);
        }
        if (Codes.Normalize(f.SegmentNo) is { } segment)
        {
            entries = entries.Where(e => e.SegmentNo == segment);
        }
        if (f.LoggedSegmentEntryNo is { } logged)
        {
            entries = entries.Where(e => e.LoggedSegmentEntryNo == logged);
        }
        if (Codes.Normalize(f.OpportunityNo) is { } opportunity)
        {
            entries = entries.Where(e => e.OpportunityNo == opportunity);
        }
        if (f.DocumentType is { } documentType)
        {
            entries = entries.Where(e => e.DocumentType == documentType);
        }
        if (Codes.Normalize(f.DocumentNo) is { } documentNo)
        {
            entries = entries.Where(e => e.DocumentNo == documentNo);
        }
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
