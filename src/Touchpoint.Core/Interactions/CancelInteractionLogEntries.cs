using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Audit;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>
/// Cancels or un-cancels entries, all or none (BC's "Switch Checkmark in Canceled" with its confirmation answered).
/// Canceled entries stay in the log and count in no statistic. Rule 30: an entry whose campaign entry or logged segment
/// is canceled cannot be un-canceled on its own. Postponed entries are not in the log and cannot be canceled.
/// Rule 29's second question, answered yes, makes canceling also remove the entries' unique attachments: those that no
/// other entry and no template language uses. Un-canceling never brings them back, as in BC.
/// </summary>
public sealed class CancelInteractionLogEntries(ITouchpointDb db, AttachmentStore attachments, TimeProvider clock, AuditTrail audit)
{
    /// <summary>How many of the entries have a unique attachment: BC asks its question only when there is one.</summary>
    public Task<int> CountUniqueAttachmentsAsync(IReadOnlyCollection<long> entryNos, CancellationToken ct = default)
    {
        var wanted = entryNos.Distinct().ToList();
        return WithUniqueAttachment(wanted).CountAsync(ct);
    }

    public async Task<int> HandleAsync(IReadOnlyCollection<long> entryNos, bool cancel, string userId, bool removeUniqueAttachments = false,
        CancellationToken ct = default)
    {
        if (entryNos.Count == 0)
        {
            throw DomainException.Invalid("entryNos", Messages.Get("EntryNosRequired"));
        }
        var wanted = entryNos.Distinct().ToList();
        // Read and changed in one transaction, the states guarded as concurrency tokens: two users canceling the same
        // entry at once must not both take it off the statistics.
        // In the caller's transaction when it has one (the demo company is made in one).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var entries = await db.InteractionLogEntries.Where(e => wanted.Contains(e.EntryNo)).ToListAsync(ct);
        var missing = wanted.Except(entries.Select(e => e.EntryNo)).ToList();
        if (missing.Count > 0)
        {
            throw DomainException.NotFound(Messages.Get("InteractionLogEntryNotFound", string.Join(", ", missing)));
        }
        var now = clock.GetUtcNow();
        if (!cancel)
        {
            var campaignEntryNos = entries.Where(e => e.CampaignEntryNo != null).Select(e => e.CampaignEntryNo!.Value).Distinct().ToList();
            var canceledCampaignEntry = await db.CampaignEntries.Where(c => campaignEntryNos.Contains(c.EntryNo) && c.Canceled)
                .Select(c => (long?)c.EntryNo).FirstOrDefaultAsync(ct);
            if (canceledCampaignEntry is { } blocked)
            {
                throw DomainException.Conflict(Messages.Get("UncancelBlockedByCampaignEntry", blocked));
            }
            var loggedSegmentNos = entries.Where(e => e.LoggedSegmentEntryNo != null).Select(e => e.LoggedSegmentEntryNo!.Value).Distinct().ToList();
            var canceledLoggedSegment = await db.LoggedSegments.Where(l => loggedSegmentNos.Contains(l.EntryNo) && l.Canceled)
                .Select(l => (long?)l.EntryNo).FirstOrDefaultAsync(ct);
            if (canceledLoggedSegment is { } loggedBlocked)
            {
                throw DomainException.Conflict(Messages.Get("UncancelBlockedByLoggedSegment", loggedBlocked));
            }
        }
        // Decided inside the transaction: the entries, their blanked attachment nos. and the removed files go together or not at all.
        var unique = cancel && removeUniqueAttachments
            ? (await WithUniqueAttachment(wanted).Select(e => e.EntryNo).ToListAsync(ct)).ToHashSet()
            : [];
        var removedAttachments = new List<long>();
        // Only the entries whose state changes move the statistics: canceling a canceled entry again changes nothing.
        var totals = new InteractionTotals();
        foreach (var entry in entries)
        {
            if (entry.Canceled != cancel && !entry.Postponed)
            {
                totals.Add(entry, cancel ? -1 : +1);
            }
            if (cancel)
            {
                entry.Cancel(userId, now);
                if (unique.Contains(entry.EntryNo) && entry.AttachmentNo is { } attachmentNo)
                {
                    entry.RemoveAttachment();
                    removedAttachments.Add(attachmentNo);
                }
            }
            else
            {
                entry.Uncancel(userId, now);
            }
            audit.Add(cancel ? AuditActions.Cancel : AuditActions.Uncancel, AuditEntities.InteractionLogEntry,
                entry.EntryNo.ToString(System.Globalization.CultureInfo.InvariantCulture),
                AuditTrail.Describe(("contactNo", entry.ContactNo), ("attachmentRemoved", unique.Contains(entry.EntryNo) ? true : null)), userId);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw DomainException.Conflict(Messages.Get("EntryChangedByAnotherUser"));
        }
        await totals.SaveAsync(db, ct);
        foreach (var attachmentNo in removedAttachments)
        {
            await attachments.RemoveAsync(attachmentNo, ct);
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
        return entries.Count;
    }

    private IQueryable<InteractionLogEntry> WithUniqueAttachment(List<long> entryNos) =>
        db.InteractionLogEntries.Where(e => entryNos.Contains(e.EntryNo) && !e.Postponed && e.AttachmentNo != null
            && !db.InteractionLogEntries.Any(other => other.AttachmentNo == e.AttachmentNo && other.EntryNo != e.EntryNo)
            && !db.InteractionTemplateLanguages.Any(l => l.AttachmentNo == e.AttachmentNo));
}
