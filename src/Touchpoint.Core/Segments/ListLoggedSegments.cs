using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

/// <summary>
/// Logged segments, newest first, keyset-paged; with BC's FlowFields No. of Interactions and No. of Campaign Entries,
/// and how the delivery of their entries stands.
/// </summary>
public sealed class ListLoggedSegments(ITouchpointDb db)
{
    public async Task<Page<LoggedSegmentDto>> HandleAsync(string? search, bool? canceled, int? limit, string? cursor, CancellationToken ct = default)
    {
        var take = Cursor.Limit(limit);
        var query = db.LoggedSegments.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(l => l.SegmentNo.Contains(term) || l.Description.ToUpper().Contains(term));
        }
        if (canceled is { } c)
        {
            query = query.Where(l => l.Canceled == c);
        }
        if (Cursor.Decode(cursor, 1)?[0] is { } after)
        {
            var afterNo = Cursor.Long(after);
            query = query.Where(l => l.EntryNo < afterNo);
        }
        var rows = await Project(query.OrderByDescending(l => l.EntryNo).Take(take + 1)).ToListAsync(ct);
        return Paged.Of(await WithEntryCountsAsync(rows, ct), take, r => [r.EntryNo.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }

    public async Task<LoggedSegmentDto> GetAsync(long entryNo, CancellationToken ct = default) =>
        (await GetManyAsync([entryNo], ct)).SingleOrDefault()
            ?? throw DomainException.NotFound(Messages.Get("LoggedSegmentNotFound", entryNo));

    /// <summary>The logged segments of these numbers that exist, newest first: a page refreshing its rows in progress.</summary>
    public async Task<IReadOnlyList<LoggedSegmentDto>> GetManyAsync(IReadOnlyCollection<long> entryNos, CancellationToken ct = default)
    {
        var nos = entryNos.Distinct().ToList();
        if (nos.Count == 0)
        {
            return [];
        }
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nos.Count, Cursor.MaxLimit, nameof(entryNos));
        var rows = await Project(db.LoggedSegments.AsNoTracking().Where(l => nos.Contains(l.EntryNo)).OrderByDescending(l => l.EntryNo)).ToListAsync(ct);
        return await WithEntryCountsAsync(rows, ct);
    }

    private IQueryable<LoggedSegmentDto> Project(IQueryable<LoggedSegment> query) =>
        query.Select(l => new LoggedSegmentDto(l.EntryNo, l.SegmentNo, l.Description, l.CreationDate, l.UserId, l.Canceled, 0,
            db.CampaignEntries.Count(e => e.RegisterNo == l.EntryNo && e.Canceled == l.Canceled), 0, 0, 0, 0));

    /// <summary>
    /// Rule 1.12: the counts take the entries whose Canceled equals the logged segment's. One grouped read over the
    /// entries of all the rows (through the logged-segment index), not one count per row and figure.
    /// </summary>
    private async Task<List<LoggedSegmentDto>> WithEntryCountsAsync(List<LoggedSegmentDto> rows, CancellationToken ct)
    {
        if (rows.Count == 0)
        {
            return rows;
        }
        var nos = rows.Select(r => (long?)r.EntryNo).ToList();
        var counts = await db.InteractionLogEntries.AsNoTracking()
            .Where(e => e.LoggedSegmentEntryNo != null && nos.Contains(e.LoggedSegmentEntryNo))
            .GroupBy(e => new { e.LoggedSegmentEntryNo, e.Canceled })
            .Select(g => new
            {
                EntryNo = g.Key.LoggedSegmentEntryNo!.Value,
                g.Key.Canceled,
                Interactions = g.Count(),
                Delivered = g.Count(e => e.DeliveryStatus == DeliveryStatus.None && e.DeliveredAt != null),
                InProgress = g.Count(e => e.DeliveryStatus == DeliveryStatus.InProgress),
                Errors = g.Count(e => e.DeliveryStatus == DeliveryStatus.Error),
                HardCopies = g.Count(e => e.CorrespondenceType == CorrespondenceType.HardCopy && e.AttachmentNo != null),
            })
            .ToListAsync(ct);
        return rows.Select(r => counts.FirstOrDefault(c => c.EntryNo == r.EntryNo && c.Canceled == r.Canceled) is { } c
            ? r with
            {
                NoOfInteractions = c.Interactions, NoOfDelivered = c.Delivered, NoOfInProgress = c.InProgress,
                NoOfDeliveryErrors = c.Errors, NoOfHardCopies = c.HardCopies,
            }
            : r).ToList();
    }
}
