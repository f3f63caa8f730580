using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Audit;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>The filters of BC's report 5190 "Delete Interaction Log Entries".</summary>
public sealed record DeleteCanceledFilter
{
    public string? ContactNo { get; init; }
    public DateOnly? DateFrom { get; init; }
    public DateOnly? DateTo { get; init; }
    public string? CampaignNo { get; init; }
    public string? InteractionGroupCode { get; init; }
    public string? InteractionTemplateCode { get; init; }
    public string? SalespersonCode { get; init; }
}

/// <summary>
/// Rules 33–34: deletes canceled entries only (never postponed or live ones), with their comments and the attachments
/// no other entry or template language still uses, in one transaction of set-based statements (no entry is loaded,
/// so a million go as fast as the database deletes them). Counting first lets the UI say how many will go.
/// </summary>
public sealed class DeleteCanceledInteractions(ITouchpointDb db, AuditTrail audit)
{
    public Task<int> CountAsync(DeleteCanceledFilter filter, CancellationToken ct = default) => Matching(filter).CountAsync(ct);

    public async Task<int> HandleAsync(DeleteCanceledFilter filter, string userId, CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var deleted = await DeleteAsync(Matching(filter), ct);
        await audit.SaveAsync(AuditActions.DeleteCanceled, AuditEntities.InteractionLogEntry, "", AuditTrail.Describe(("deleted", deleted),
            ("contactNo", filter.ContactNo), ("dateFrom", filter.DateFrom), ("dateTo", filter.DateTo), ("campaignNo", filter.CampaignNo),
            ("interactionGroupCode", filter.InteractionGroupCode), ("interactionTemplateCode", filter.InteractionTemplateCode),
            ("salespersonCode", filter.SalespersonCode)), userId, ct);
        await transaction.CommitAsync(ct);
        return deleted;
    }

    /// <summary>
    /// Deletes the entries with their comments and the attachments nobody else uses, inside the caller's transaction
    /// (campaign entries delete theirs with it, rule 35).
    /// </summary>
    internal async Task<int> DeleteAsync(IQueryable<InteractionLogEntry> entries, CancellationToken ct)
    {
        // The files the entries point to, before the entries go; each is removed below only when nobody else uses it.
        var attachmentNos = await entries.Where(e => e.AttachmentNo != null).Select(e => e.AttachmentNo!.Value).Distinct().ToListAsync(ct);
        await db.InteractionLogEntryComments.Where(c => entries.Any(e => e.EntryNo == c.EntryNo)).ExecuteDeleteAsync(ct);
        var deleted = await entries.ExecuteDeleteAsync(ct);
        foreach (var chunk in attachmentNos.Chunk(1000))
        {
            var hashes = await db.Attachments.Where(a => chunk.Contains(a.No)).Select(a => a.ContentHash).Distinct().ToListAsync(ct);
            await db.Attachments.Where(a => chunk.Contains(a.No)
                    && !db.InteractionLogEntries.Any(e => e.AttachmentNo == a.No)
                    && !db.InteractionTemplateLanguages.Any(l => l.AttachmentNo == a.No))
                .ExecuteDeleteAsync(ct);
            await db.AttachmentContents.Where(c => hashes.Contains(c.Hash) && !db.Attachments.Any(a => a.ContentHash == c.Hash))
                .ExecuteDeleteAsync(ct);
        }
        return deleted;
    }

    private IQueryable<InteractionLogEntry> Matching(DeleteCanceledFilter f) =>
        db.InteractionLogEntries.Where(e => e.Canceled && !e.Postponed).Where(new InteractionLogEntryFilter
        {
            ContactNo = f.ContactNo,
            DateFrom = f.DateFrom,
            DateTo = f.DateTo,
            CampaignNo = f.CampaignNo,
            InteractionGroupCode = f.InteractionGroupCode,
            InteractionTemplateCode = f.InteractionTemplateCode,
            SalespersonCode = f.SalespersonCode,
        });
}
