using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Audit;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

public sealed record LoggedSegmentsDeletedDto(int Deleted);

/// <summary>
/// Rule 35 (report "Delete Logged Segments"): canceled logged segments go; their interaction log entries and campaign
/// entries stay, no longer pointing to them. The entries themselves go with "Delete Canceled Interactions".
/// </summary>
public sealed class DeleteCanceledLoggedSegments(ITouchpointDb db, AuditTrail audit)
{
    public async Task<LoggedSegmentsDeletedDto> HandleAsync(string userId, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var canceled = db.LoggedSegments.Where(l => l.Canceled).Select(l => (long?)l.EntryNo);
        await db.InteractionLogEntries.Where(e => canceled.Contains(e.LoggedSegmentEntryNo))
            .ExecuteUpdateAsync(u => u.SetProperty(e => e.LoggedSegmentEntryNo, (long?)null), ct);
        await db.CampaignEntries.Where(c => canceled.Contains(c.RegisterNo))
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.RegisterNo, (long?)null), ct);
        var deleted = await db.LoggedSegments.Where(l => l.Canceled).ExecuteDeleteAsync(ct);
        await audit.SaveAsync(AuditActions.DeleteCanceled, AuditEntities.LoggedSegment, "", AuditTrail.Describe(("deleted", deleted)), userId, ct);
        await transaction.CommitAsync(ct);
        return new LoggedSegmentsDeletedDto(deleted);
    }
}
