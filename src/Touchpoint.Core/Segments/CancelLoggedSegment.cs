using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Audit;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Core.Segments;

/// <summary>
/// Rule 31: canceling a logged segment cancels its campaign entries and its interaction log entries with it;
/// un-canceling brings them all back. Set-based, as a logged segment may hold 100,000 entries: one UPDATE per table,
/// the entries' statistics moved by exactly the entries that changed (<see cref="CanceledSwitch"/>).
/// </summary>
public sealed class CancelLoggedSegment(ITouchpointDb db, TimeProvider clock, AuditTrail audit)
{
    public async Task<LoggedSegmentDto> HandleAsync(long entryNo, bool cancel, string userId, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var logged = await db.LoggedSegments.FirstOrDefaultAsync(l => l.EntryNo == entryNo, ct)
            ?? throw DomainException.NotFound(Messages.Get("LoggedSegmentNotFound", entryNo));
        logged.SetCanceled(cancel);
        audit.Add(cancel ? AuditActions.Cancel : AuditActions.Uncancel, AuditEntities.LoggedSegment,
            entryNo.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditTrail.Describe(("segmentNo", logged.SegmentNo)), userId);
        await CanceledSwitch.SaveOwnerAsync(db, Messages.Get("EntryChangedByAnotherUser"), ct);
        await db.CampaignEntries.Where(c => c.RegisterNo == entryNo && c.Canceled != cancel)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Canceled, cancel), ct);
        await CanceledSwitch.SwitchEntriesAsync(db, CanceledSwitchOwner.LoggedSegment, entryNo, cancel, userId, clock.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
        return await new ListLoggedSegments(db).GetAsync(entryNo, ct);
    }
}
