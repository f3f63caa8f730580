using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Audit;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Core.Campaigns;

public sealed record CampaignEntriesDeletedDto(int Deleted);

/// <summary>
/// Rule 35: deleting a campaign entry deletes its interaction log entries. Only canceled campaign entries of one
/// campaign go, and their entries go as "Delete Canceled Interactions" deletes entries: with their comments and the
/// attachments nobody else uses. Their entries are canceled with them (rule 31), so no statistic changes; an entry that
/// is not canceled (none should be) is kept, no longer pointing to the deleted campaign entry.
/// </summary>
public sealed class DeleteCanceledCampaignEntries(ITouchpointDb db, ListCampaignEntries list, DeleteCanceledInteractions entries, AuditTrail audit)
{
    public async Task<CampaignEntriesDeletedDto> HandleAsync(string? campaignNo, string userId, CancellationToken ct = default)
    {
        var campaign = await list.CampaignAsync(campaignNo, ct) ?? throw ListCampaignEntries.RequiredCampaign();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var canceled = db.CampaignEntries.Where(c => c.CampaignNo == campaign && c.Canceled).Select(c => (long?)c.EntryNo);
        var interactions = await entries.DeleteAsync(db.InteractionLogEntries.Where(e => canceled.Contains(e.CampaignEntryNo) && e.Canceled && !e.Postponed), ct);
        await db.InteractionLogEntries.Where(e => canceled.Contains(e.CampaignEntryNo))
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.CampaignEntryNo, (long?)null), ct);
        var deleted = await db.CampaignEntries.Where(c => c.CampaignNo == campaign && c.Canceled).ExecuteDeleteAsync(ct);
        await audit.SaveAsync(AuditActions.DeleteCanceled, AuditEntities.CampaignEntry, "",
            AuditTrail.Describe(("campaignNo", campaign), ("deleted", deleted), ("interactions", interactions)), userId, ct);
        await transaction.CommitAsync(ct);
        return new CampaignEntriesDeletedDto(deleted);
    }
}
