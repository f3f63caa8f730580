using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Audit;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Core.Campaigns;

/// <summary>
/// Rule 31: canceling a campaign entry cancels its interaction log entries with it; un-canceling brings them back.
/// As rule 30 does for one entry, a campaign entry whose logged segment is canceled cannot come back on its own: the
/// logged segment is un-canceled instead, which brings its campaign entries with it.
/// </summary>
public sealed class CancelCampaignEntry(ITouchpointDb db, TimeProvider clock, AuditTrail audit)
{
    public async Task<CampaignEntryDto> HandleAsync(long entryNo, bool cancel, string userId, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var entry = await db.CampaignEntries.FirstOrDefaultAsync(c => c.EntryNo == entryNo, ct)
            ?? throw DomainException.NotFound(Messages.Get("CampaignEntryNotFound", entryNo));
        if (!cancel && entry.RegisterNo is { } loggedSegment && await db.LoggedSegments.AnyAsync(l => l.EntryNo == loggedSegment && l.Canceled, ct))
        {
            throw DomainException.Conflict(Messages.Get("CampaignEntryUncancelBlockedByLoggedSegment", loggedSegment));
        }
        entry.SetCanceled(cancel);
        audit.Add(cancel ? AuditActions.Cancel : AuditActions.Uncancel, AuditEntities.CampaignEntry,
            entryNo.ToString(System.Globalization.CultureInfo.InvariantCulture), AuditTrail.Describe(("campaignNo", entry.CampaignNo)), userId);
        await CanceledSwitch.SaveOwnerAsync(db, Messages.Get("CampaignEntryChangedByAnotherUser", entryNo), ct);
        await CanceledSwitch.SwitchEntriesAsync(db, CanceledSwitchOwner.CampaignEntry, entryNo, cancel, userId, clock.GetUtcNow(), ct);
        await transaction.CommitAsync(ct);
        return await new ListCampaignEntries(db).GetAsync(entryNo, ct);
    }
}
