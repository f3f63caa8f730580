using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>
/// The file an entry keeps (BC's "Show Attachments" on an entry): the read-only copy made when it was logged.
/// </summary>
public sealed class GetInteractionAttachment(ITouchpointDb db, AttachmentStore attachments)
{
    public async Task<(Attachment Attachment, byte[] Content)> HandleAsync(long entryNo, CancellationToken ct = default)
    {
        var entry = await db.InteractionLogEntries.AsNoTracking().Where(e => e.EntryNo == entryNo)
            .Select(e => new { e.AttachmentNo }).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(Messages.Get("InteractionLogEntryNotFound", entryNo));
        if (entry.AttachmentNo is not { } attachmentNo)
        {
            throw DomainException.NotFound(Messages.Get("EntryHasNoAttachment", entryNo));
        }
        return await attachments.ReadAsync(attachmentNo, ct);
    }
}
