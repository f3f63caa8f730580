using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Audit;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

/// <summary>
/// Deletes a segment with its lines and languages (the database cascades to the rows not loaded), and the files of
/// its languages, which nothing else uses: they are copies of its own.
/// </summary>
public sealed class DeleteSegment(ITouchpointDb db, SegmentLanguages languages, AuditTrail audit)
{
    public async Task HandleAsync(string no, string userId, CancellationToken ct = default)
    {
        no = Codes.Normalize(no) ?? "";
        var segment = await db.SegmentHeaders.FirstOrDefaultAsync(s => s.No == no, ct)
            ?? throw DomainException.NotFound(Messages.Get("SegmentNotFound", no));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var attachmentNos = await db.SegmentInteractionLanguages.Where(l => l.SegmentNo == no && l.AttachmentNo != null)
            .Select(l => l.AttachmentNo!.Value).ToListAsync(ct);
        var lines = await db.SegmentLines.CountAsync(l => l.SegmentNo == no, ct);
        db.SegmentHeaders.Remove(segment);
        audit.Add(AuditActions.Delete, AuditEntities.Segment, no, AuditTrail.Describe(("description", segment.Description), ("lines", lines)), userId);
        await db.SaveChangesAsync(ct);
        await languages.RemoveUnusedAsync(attachmentNos, ct);
        await transaction.CommitAsync(ct);
    }
}
