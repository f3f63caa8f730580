using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.Opportunities;

namespace Touchpoint.Core.Interactions;

/// <summary>
/// Rules 32 and 60, "Create Opportunity" on an entry (BC's AssignNewOpportunity): for a logged entry that is not
/// canceled, has no opportunity yet, and whose contact and company are not privacy-blocked, an opportunity from the
/// number series with the work date and the entry's description, segment, campaign, salesperson, contact and
/// company; its no. is stored on the entry. Both in one transaction.
/// BC also copies the entry's comment lines to the opportunity; Touchpoint's Opportunity has no comment table yet, so
/// the comments stay with the entry (still found through the entry's opportunity no.).
/// </summary>
public sealed class CreateOpportunityFromEntry(ITouchpointDb db, CreateOpportunity create)
{
    public async Task<OpportunityDto> HandleAsync(long entryNo, CancellationToken ct = default)
    {
        var entry = await db.InteractionLogEntries.AsNoTracking().FirstOrDefaultAsync(e => e.EntryNo == entryNo, ct)
            ?? throw DomainException.NotFound(Messages.Get("InteractionLogEntryNotFound", entryNo));
        entry.CheckCanCreateOpportunity();
        var contactNos = new[] { entry.ContactNo, entry.ContactCompanyNo }.Where(n => !string.IsNullOrEmpty(n)).ToList();
        var blocked = await db.Contacts.AsNoTracking().Where(c => contactNos.Contains(c.No) && c.PrivacyBlocked)
            .OrderBy(c => c.No == entry.ContactNo ? 0 : 1).Select(c => c.No).FirstOrDefaultAsync(ct);
        if (blocked is not null)
        {
            throw DomainException.Conflict(Messages.Get("ContactPrivacyBlocked", blocked));
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var opportunity = await create.HandleAsync(null, new OpportunityFields
        {
            Description = entry.Description,
            ContactNo = entry.ContactNo,
            SalespersonCode = entry.SalespersonCode,
            CampaignNo = entry.CampaignNo,
            SegmentNo = entry.SegmentNo,
        }, entry.UserId, ct);
        // The check above was made on a read: only one of two simultaneous requests may fill the entry's opportunity.
        var stored = await db.InteractionLogEntries
            .Where(e => e.EntryNo == entryNo && e.OpportunityNo == null && !e.Canceled && !e.Postponed)
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.OpportunityNo, opportunity.No), ct);
        if (stored == 0)
        {
            // The transaction is not committed: the opportunity goes with it.
            var now = await db.InteractionLogEntries.AsNoTracking().FirstAsync(e => e.EntryNo == entryNo, ct);
            now.CheckCanCreateOpportunity();
            throw DomainException.Conflict(Messages.Get("EntryHasOpportunity", entryNo, now.OpportunityNo));
        }
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
        return opportunity;
    }
}
