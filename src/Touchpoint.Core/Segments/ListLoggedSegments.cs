using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

/// <summary>Logged segments, newest first, keyset-paged; with BC's FlowFields No. of Interactions and No. of Campaign Entries.</summary>
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
            if (!long.TryParse(after, out var afterNo))
            {
                throw DomainException.Invalid("cursor", Messages.Get("CursorNotValid"));
            }
            query = query.Where(l => l.EntryNo < afterNo);
        }
        var rows = await Project(query.OrderByDescending(l => l.EntryNo).Take(take + 1)).ToListAsync(ct);
        return Paged.Of(rows, take, r => [r.EntryNo.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }

    public async Task<LoggedSegmentDto> GetAsync(long entryNo, CancellationToken ct = default) =>
        await Project(db.LoggedSegments.AsNoTracking().Where(l => l.EntryNo == entryNo)).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(Messages.Get("LoggedSegmentNotFound", entryNo));

    /// <summary>Rule 1.12: the counts take the entries whose Canceled equals the logged segment's.</summary>
    private IQueryable<LoggedSegmentDto> Project(IQueryable<LoggedSegment> query) =>
        query.Select(l => new LoggedSegmentDto(l.EntryNo, l.SegmentNo, l.Description, l.CreationDate, l.UserId, l.Canceled,
            db.InteractionLogEntries.Count(e => e.LoggedSegmentEntryNo == l.EntryNo && e.Canceled == l.Canceled),
            db.CampaignEntries.Count(e => e.RegisterNo == l.EntryNo && e.Canceled == l.Canceled)));
}
