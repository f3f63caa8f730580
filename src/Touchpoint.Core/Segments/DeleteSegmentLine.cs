using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

public sealed class DeleteSegmentLine(ITouchpointDb db, SegmentLanguages languages)
{
    /// <summary>
    /// Rule 41: when the last line goes and more than one criteria action is recorded, BC asks "Your Segment is now
    /// empty. Do you want to reset number of criteria actions?"; <paramref name="resetCriteriaActions"/> is the answer
    /// (the UI asks, the API takes it as a query parameter). The line's own languages go with it, and their files.
    /// Returns whether the segment is now empty.
    /// </summary>
    public async Task<bool> HandleAsync(string segmentNo, int lineNo, bool resetCriteriaActions = false, CancellationToken ct = default)
    {
        segmentNo = Codes.Normalize(segmentNo) ?? "";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var line = await db.SegmentLines.FirstOrDefaultAsync(l => l.SegmentNo == segmentNo && l.LineNo == lineNo, ct)
            ?? throw DomainException.NotFound(Messages.Get("SegmentLineNotFound", lineNo, segmentNo));
        db.SegmentLines.Remove(line);
        await db.SaveChangesAsync(ct);
        await languages.RemoveAsync(languages.At(segmentNo, lineNo), ct);
        if (line.AttachmentNo is { } attachmentNo)
        {
            await languages.RemoveUnusedAsync([attachmentNo], ct);
        }
        var empty = !await db.SegmentLines.AnyAsync(l => l.SegmentNo == segmentNo, ct);
        if (empty && resetCriteriaActions)
        {
            await db.SegmentCriteriaActions.Where(a => a.SegmentNo == segmentNo).ExecuteDeleteAsync(ct);
        }
        await transaction.CommitAsync(ct);
        return empty;
    }
}
