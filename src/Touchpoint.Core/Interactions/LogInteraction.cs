using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Campaigns;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;

namespace Touchpoint.Core.Interactions;

/// <summary>
/// BC's LogInteraction (rule 47), the one path every entry is written by: the wizard, phone calls, segments and
/// documents end here. Checks the line (rule 46) unless postponed, makes a campaign entry for a campaign interaction
/// (not when postponed), writes the entry, its comments and its statistics, all in one transaction, and returns the entry.
/// </summary>
public sealed class LogInteraction(ITouchpointDb db, AttachmentStore attachments, TimeProvider clock)
{
    public Task<InteractionLogEntry> HandleAsync(InteractionLine line, string userId, bool postponed, string campaignEntryDescription, CancellationToken ct = default) =>
        WriteAsync(line, userId, postponed, campaignEntryDescription, resume: null, lineChecked: false, ct);

    /// <summary>
    /// For a line that <see cref="CreateInteraction"/> has just built and checked against the same rows, more strictly
    /// than rule 46 does (blocked contacts and salespeople included) and with rule 46's e-mail adjustment applied: checking
    /// it again would read the same rows a second time.
    /// </summary>
    internal Task<InteractionLogEntry> HandleCheckedAsync(InteractionLine line, string userId, bool postponed, string campaignEntryDescription, CancellationToken ct) =>
        WriteAsync(line, userId, postponed, campaignEntryDescription, resume: null, lineChecked: true, ct);

    /// <summary>One checked line of <see cref="HandleCheckedManyAsync"/>, with the user it is logged for.</summary>
    internal readonly record struct CheckedLine(InteractionLine Line, string UserId, string CampaignEntryDescription);

    /// <summary>
    /// Several checked lines (documents sent at the same moment), in the caller's transaction: their campaign entries,
    /// their entries and their statistics each in one round trip, where one line at a time would cost three per line.
    /// Lines of documents have neither attachments nor comments.
    /// </summary>
    internal async Task<IReadOnlyList<InteractionLogEntry>> HandleCheckedManyAsync(IReadOnlyList<CheckedLine> lines, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("HandleCheckedManyAsync writes in the caller's transaction.");
        }
        if (lines.Any(l => l.Line.AttachmentNo is not null || l.Line.Comments.Count > 0))
        {
            throw new InvalidOperationException("HandleCheckedManyAsync takes lines without attachments or comments.");
        }
        var campaignEntries = lines.Select(l => l.Line.CampaignNo is null ? null : NewCampaignEntry(l.Line, l.UserId, l.CampaignEntryDescription)).ToList();
        if (campaignEntries.Any(c => c is not null))
        {
            db.CampaignEntries.AddRange(campaignEntries.OfType<CampaignEntry>());
            await db.SaveChangesAsync(ct);
        }
        var entries = lines.Select((l, i) => InteractionLogEntry.From(l.Line, l.UserId, postponed: false, campaignEntries[i]?.EntryNo)).ToList();
        db.InteractionLogEntries.AddRange(entries);
        await db.SaveChangesAsync(ct);
        var totals = new InteractionTotals();
        foreach (var entry in entries)
        {
            totals.AddIfCounted(entry);
        }
        await totals.SaveAsync(db, ct);
        return entries;
    }

    /// <summary>Rule 47: the campaign entry of a campaign interaction.</summary>
    private static CampaignEntry NewCampaignEntry(InteractionLine line, string userId, string description) =>
        new(line.CampaignNo!, description, line.Date, userId, line.SegmentNo, line.SalespersonCode, null, line.DocumentType);

    /// <summary>Rule 27: completes (or keeps postponed) a postponed entry instead of writing a new one.</summary>
    public Task<InteractionLogEntry> ResumeAsync(InteractionLogEntry postponedEntry, InteractionLine line, string userId, bool postponed, string campaignEntryDescription, CancellationToken ct = default) =>
        WriteAsync(line, userId, postponed, campaignEntryDescription, postponedEntry, lineChecked: false, ct);

    private async Task<InteractionLogEntry> WriteAsync(InteractionLine line, string userId, bool postponed, string campaignEntryDescription,
        InteractionLogEntry? resume, bool lineChecked, CancellationToken ct)
    {
        if (!postponed && !lineChecked)
        {
            line = await CheckLineAsync(line, ct);
        }
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            long? campaignEntryNo = null;
            if (!postponed && line.CampaignNo is not null)
            {
                var campaignEntry = NewCampaignEntry(line, userId, campaignEntryDescription);
                db.CampaignEntries.Add(campaignEntry);
                await db.SaveChangesAsync(ct);
                campaignEntryNo = campaignEntry.EntryNo;
            }
            if (resume?.AttachmentNo is { } earlier)
            {
                // The resumed entry gets the file the finished wizard has; the one it kept while postponed goes.
                await attachments.RemoveAsync(earlier, ct);
            }
            if (line.AttachmentNo is { } templateAttachment)
            {
                var copy = await attachments.CopyForEntryAsync(templateAttachment, ct);
                await db.SaveChangesAsync(ct);
                line = line with { AttachmentNo = copy.No };
            }
            InteractionLogEntry entry;
            if (resume is null)
            {
                entry = InteractionLogEntry.From(line, userId, postponed, campaignEntryNo);
                db.InteractionLogEntries.Add(entry);
            }
            else
            {
                entry = resume;
                entry.Resume(line, userId, postponed, campaignEntryNo);
                // Rule 27: the comments are replaced by the wizard's.
                await db.InteractionLogEntryComments.Where(c => c.EntryNo == entry.EntryNo).ExecuteDeleteAsync(ct);
            }
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone else finished or deleted this postponed entry meanwhile (Postponed is a concurrency token).
                throw DomainException.Conflict(Messages.Get("EntryChangedByAnotherUser"));
            }
            var totals = new InteractionTotals();
            totals.AddIfCounted(entry);
            await totals.SaveAsync(db, ct);
            var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
            for (var i = 0; i < line.Comments.Count; i++)
            {
                db.InteractionLogEntryComments.Add(new InteractionLogEntryComment(entry.EntryNo, (i + 1) * 10000, today, line.Comments[i]));
            }
            await db.SaveChangesAsync(ct);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }
            return entry;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Rule 46 (CheckSegmentLine): contact, salesperson (unless a document is logged), template and campaign must
    /// exist; an e-mail interaction with a contact that has no e-mail address is logged without a correspondence type.
    /// </summary>
    private async Task<InteractionLine> CheckLineAsync(InteractionLine line, CancellationToken ct)
    {
        var needsSalesperson = line.DocumentType == DocumentType.None;
        // One round trip when everything is there, as for every line the wizard, a segment or a document hands over.
        var found = await db.Contacts.AsNoTracking().Where(c => c.No == line.ContactNo).Select(c => new
        {
            c.Email,
            Salesperson = !needsSalesperson || db.Salespeople.Any(s => s.Code == line.SalespersonCode),
            Template = db.InteractionTemplates.Any(t => t.Code == line.InteractionTemplateCode),
            Campaign = line.CampaignNo == null || db.Campaigns.Any(k => k.No == line.CampaignNo),
        }).FirstOrDefaultAsync(ct);
        if (found is { Salesperson: true, Template: true, Campaign: true })
        {
            return Adjusted(line, found.Email);
        }

        // Something is missing: say everything that is, as BC's checks would one after the other.
        var errors = new FieldErrors();
        if (found is null)
        {
            errors.Add("contactNo", Messages.Get("ContactNotFound", line.ContactNo));
        }
        if (needsSalesperson)
        {
            if (line.SalespersonCode is null)
            {
                errors.Add("salespersonCode", Messages.Get("FieldRequired", Messages.Field("salespersonCode")));
            }
            else
            {
                await References.SalespersonAsync(db, line.SalespersonCode, "salespersonCode", errors, ct);
            }
        }
        if (!await db.InteractionTemplates.AnyAsync(t => t.Code == line.InteractionTemplateCode, ct))
        {
            errors.Add("interactionTemplateCode", Messages.Get("InteractionTemplateNotFound", line.InteractionTemplateCode));
        }
        await References.CampaignAsync(db, line.CampaignNo, "campaignNo", errors, ct);
        errors.ThrowIfAny();
        return Adjusted(line, found!.Email);
    }

    /// <summary>Rule 46: an e-mail interaction with a contact without an e-mail address goes without correspondence type.</summary>
    internal static InteractionLine Adjusted(InteractionLine line, string? contactEmail) =>
        line.CorrespondenceType == CorrespondenceType.Email && string.IsNullOrEmpty(contactEmail)
            ? line with { CorrespondenceType = CorrespondenceType.None }
            : line;
}
