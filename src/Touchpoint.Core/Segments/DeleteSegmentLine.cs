using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

public sealed class DeleteSegmentLine(ITouchpointDb db)
{
    public async Task HandleAsync(string segmentNo, int lineNo, CancellationToken ct = default)
    {
        segmentNo = Codes.Normalize(segmentNo) ?? "";
        var line = await db.SegmentLines.FirstOrDefaultAsync(l => l.SegmentNo == segmentNo && l.LineNo == lineNo, ct)
            ?? throw DomainException.NotFound(Messages.Get("SegmentLineNotFound", lineNo, segmentNo));
        db.SegmentLines.Remove(line);
        await db.SaveChangesAsync(ct);
    }
}
