using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

/// <summary>Deletes a segment with its lines (the database cascades to lines not loaded).</summary>
public sealed class DeleteSegment(ITouchpointDb db)
{
    public async Task HandleAsync(string no, CancellationToken ct = default)
    {
        no = Codes.Normalize(no) ?? "";
        var segment = await db.SegmentHeaders.FirstOrDefaultAsync(s => s.No == no, ct)
            ?? throw DomainException.NotFound(Messages.Get("SegmentNotFound", no));
        db.SegmentHeaders.Remove(segment);
        await db.SaveChangesAsync(ct);
    }
}
