using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>
/// Cancels or un-cancels entries, all or none (BC's "Switch Checkmark in Canceled" with its confirmation answered).
/// Canceled entries stay in the log and count in no statistic. Rule 30: an entry whose campaign entry is canceled
/// cannot be un-canceled on its own. Postponed entries are not in the log and cannot be canceled.
/// </summary>
public sealed class CancelInteractionLogEntries(ITouchpointDb db, TimeProvider clock)
{
    public async Task<int> HandleAsync(IReadOnlyCollection<long> entryNos, bool cancel, string userId, CancellationToken ct = default)
    {
        if (entryNos.Count == 0)
        {
            throw DomainException.Invalid("entryNos", Messages.Get("EntryNosRequired"));
        }
        var wanted = entryNos.Distinct().ToList();
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
        }
        foreach (var entry in entries)
        {
            if (cancel)
            {
                entry.Cancel(userId, now);
            }
            else
            {
                entry.Uncancel(userId, now);
            }
        }
        await db.SaveChangesAsync(ct);
        return entries.Count;
    }
}
