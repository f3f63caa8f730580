using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

/// <summary>A segment's lines by line number, keyset-paged, with the contact's name.</summary>
public sealed class ListSegmentLines(ITouchpointDb db)
{
    public async Task<Page<SegmentLineDto>> HandleAsync(string segmentNo, int? limit, string? cursor, CancellationToken ct = default)
    {
        segmentNo = Codes.Normalize(segmentNo) ?? "";
        if (!await db.SegmentHeaders.AnyAsync(s => s.No == segmentNo, ct))
        {
            throw DomainException.NotFound(Messages.Get("SegmentNotFound", segmentNo));
        }
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode(cursor, 1) is { } keys ? Cursor.Int(keys[0]) : 0;
        var lines = db.SegmentLines.AsNoTracking().Where(l => l.SegmentNo == segmentNo && l.LineNo > after).OrderBy(l => l.LineNo).Take(take + 1);
        var rows = await WithContactName(lines).ToListAsync(ct);
        return Paged.Of(rows.OrderBy(r => r.Line.LineNo).Select(r => r.Line.ToDto(r.ContactName)).ToList(), take, r => [r.LineNo.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
    }

    public async Task<SegmentLineDto> GetAsync(string segmentNo, int lineNo, CancellationToken ct = default)
    {
        segmentNo = Codes.Normalize(segmentNo) ?? "";
        var row = await WithContactName(db.SegmentLines.AsNoTracking().Where(l => l.SegmentNo == segmentNo && l.LineNo == lineNo)).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(Messages.Get("SegmentLineNotFound", lineNo, segmentNo));
        return row.Line.ToDto(row.ContactName);
    }

    private IQueryable<LineRow> WithContactName(IQueryable<SegmentLine> lines) =>
        from l in lines
        join c in db.Contacts on l.ContactNo equals c.No into contacts
        from c in contacts.DefaultIfEmpty()
        select new LineRow(l, c.Name);

    private sealed record LineRow(SegmentLine Line, string? ContactName);
}
