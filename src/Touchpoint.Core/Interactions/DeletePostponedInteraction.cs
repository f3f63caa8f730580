using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Audit;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>Rule 28: "&amp;Delete" on Postponed Interactions deletes the entry with its comments and attachment (rule 34).</summary>
public sealed class DeletePostponedInteraction(ITouchpointDb db, AttachmentStore attachments, AuditTrail audit)
{
    public async Task HandleAsync(long entryNo, string userId, CancellationToken ct = default)
    {
        var entry = await db.InteractionLogEntries.AsNoTracking().FirstOrDefaultAsync(e => e.EntryNo == entryNo && e.Postponed, ct)
            ?? throw DomainException.NotFound(Messages.Get("PostponedInteractionNotFound", entryNo));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.InteractionLogEntryComments.Where(c => c.EntryNo == entryNo).ExecuteDeleteAsync(ct);
        await db.InteractionLogEntries.Where(e => e.EntryNo == entryNo).ExecuteDeleteAsync(ct);
        if (entry.AttachmentNo is { } no && !await db.InteractionLogEntries.AnyAsync(e => e.AttachmentNo == no, ct))
        {
            await attachments.RemoveAsync(no, ct);
        }
        await audit.SaveAsync(AuditActions.Delete, AuditEntities.PostponedInteraction, entryNo.ToString(System.Globalization.CultureInfo.InvariantCulture),
            AuditTrail.Describe(("contactNo", entry.ContactNo), ("description", entry.Description)), userId, ct);
        await transaction.CommitAsync(ct);
    }
}
