using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;
using Touchpoint.Core.NoSeries;

namespace Touchpoint.Core.Segments;

public sealed record SegmentLoggedDto(long LoggedSegmentEntryNo, int NoOfInteractions, string? FollowUpSegmentNo);

/// <summary>How far a log has come: lines written of the segment's total.</summary>
public readonly record struct SegmentLogProgress(int Done, int Total);

/// <summary>
/// BC's Log Segment (report 5185, rules 42–46): one logged segment, one interaction log entry per line, one campaign
/// entry per campaign, then the segment goes and, when asked, a follow-up segment with the same contacts comes.
/// All of it is one transaction: a line that fails its check (rule 46) fails the whole log, naming the line, and
/// nothing is written; a crash part-way leaves the segment as it was.
/// The lines are read in batches and written through the logging pipeline's bulk path, so a segment of any size
/// costs the same memory, and 100,000 lines take about what the bare database needs to insert them.
/// </summary>
public sealed class LogSegment(ITouchpointDb db, LogInteraction log, ISegmentLogLock segmentLock, AttachmentStore attachments, NoSeriesManagement noSeries, TimeProvider clock, ILogger<LogSegment> logger)
{
    private const int BatchSize = 20000;
    private const int FollowUpDescriptionLength = 50;

    public async Task<SegmentLoggedDto> HandleAsync(string segmentNo, bool send, bool createFollowUpSegment, string userId,
        IProgress<SegmentLogProgress>? progress = null, CancellationToken ct = default)
    {
        segmentNo = Codes.Normalize(segmentNo) ?? "";
        // In the caller's transaction when it has one (the demo company is made in one).
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await LockAsync(segmentNo, ct);
        var header = await db.SegmentHeaders.AsNoTracking().FirstOrDefaultAsync(s => s.No == segmentNo, ct);
        var alreadyLogged = await db.LoggedSegments.AnyAsync(l => l.SegmentNo == segmentNo, ct);
        if (alreadyLogged)
        {
            // Rule 43, and the answer to the second of two simultaneous logs on SQLite, which waits for the first.
            throw DomainException.Conflict(Messages.Get("SegmentAlreadyLogged", segmentNo));
        }
        if (header is null)
        {
            throw DomainException.NotFound(Messages.Get("SegmentNotFound", segmentNo));
        }
        if (string.IsNullOrWhiteSpace(header.Description))
        {
            throw DomainException.Invalid("description", Messages.Get("SegmentDescriptionRequired", segmentNo));
        }
        var total = await db.SegmentLines.CountAsync(l => l.SegmentNo == segmentNo, ct);
        if (total == 0)
        {
            throw DomainException.Conflict(Messages.Get("SegmentEmpty", segmentNo));
        }
        logger.LogInformation("Logging segment {SegmentNo}: {Lines} lines", segmentNo, total);
        progress?.Report(new SegmentLogProgress(0, total));

        var now = clock.GetLocalNow();
        var today = DateOnly.FromDateTime(now.DateTime);
        var logged = new LoggedSegment(segmentNo, header.Description, today, userId);
        db.LoggedSegments.Add(logged);
        await db.SaveChangesAsync(ct);

        // Each template's group, read once. The lines' files are their segment language's (the line's AttachmentNo); the
        // logging pipeline checks the lines (rule 46) and gives the entries one read-only copy per file (rule 44).
        var templateGroups = await db.InteractionTemplates.AsNoTracking().ToDictionaryAsync(t => t.Code, t => t.InteractionGroupCode, ct);
        // Rule 43: one campaign entry per campaign of the lines, registered to the logged segment.
        var run = log.Begin(new SharedCampaignEntries(header.Description, header.Date, userId, segmentNo, header.SalespersonCode, logged.EntryNo));
        var batch = new List<LineToLog>(BatchSize);
        var lastLineNo = 0;
        var done = 0;
        // Where the time goes, for the log line at the end: reading the lines, writing the entries, the rest.
        var watch = Stopwatch.StartNew();
        var reading = new Stopwatch();
        while (true)
        {
            reading.Start();
            // The lines with their contacts' e-mail addresses for rule 46 ("" without one, null without a contact), as
            // a sub-query per line: an index probe each. A join scanned the whole contact table for every batch on
            // PostgreSQL, and looking them up afterwards sent the 100,000 numbers back to the database.
            var lines = await db.SegmentLines.AsNoTracking()
                .Where(l => l.SegmentNo == segmentNo && l.LineNo > lastLineNo).OrderBy(l => l.LineNo).Take(BatchSize)
                .Select(l => new
                {
                    Line = l,
                    Email = db.Contacts.Where(c => c.No == l.ContactNo).Select(c => c.Email ?? "").FirstOrDefault(),
                })
                .ToListAsync(ct);
            reading.Stop();
            if (lines.Count == 0)
            {
                break;
            }
            foreach (var read in lines)
            {
                batch.Add(new LineToLog
                {
                    Line = ToInteractionLine(read.Line, logged.EntryNo, templateGroups, now),
                    UserId = userId,
                    SegmentLineNo = read.Line.LineNo,
                    Contact = ContactOnFile.FromLookUp(read.Email),
                    // Rule 44: logged with "Send", a line with a correspondence type is delivered; rule 46 then wants an
                    // e-mail address for an e-mail, and without one an unsent e-mail interaction goes without one.
                    Deliver = send,
                    SendWordDocsAsAttmt = header.SendWordDocsAsAttmt,
                });
            }
            await run.WriteAsync(batch, ct);
            done += batch.Count;
            batch.Clear();
            lastLineNo = lines[^1].Line.LineNo;
            progress?.Report(new SegmentLogProgress(done, total));
        }
        var statistics = Stopwatch.StartNew();
        await run.CompleteAsync(ct);
        statistics.Stop();
        // Rule 45: the segment's languages go with it, and so do their files; the entries keep their copies.
        foreach (var no in await db.SegmentInteractionLanguages.Where(l => l.SegmentNo == segmentNo && l.AttachmentNo != null)
            .Select(l => l.AttachmentNo!.Value).ToListAsync(ct))
        {
            await attachments.RemoveAsync(no, ct);
        }

        string? followUpNo = null;
        if (createFollowUpSegment)
        {
            followUpNo = await CreateFollowUpAsync(header, today, ct);
        }
        // Rule 45: the segment goes, with its lines, criteria actions and their history.
        var deleting = Stopwatch.StartNew();
        await db.SegmentLines.Where(l => l.SegmentNo == segmentNo).ExecuteDeleteAsync(ct);
        await db.SegmentHeaders.Where(s => s.No == segmentNo).ExecuteDeleteAsync(ct);
        deleting.Stop();
        var committing = Stopwatch.StartNew();
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }
        committing.Stop();
        logger.LogInformation("Logged segment {SegmentNo} as logged segment {EntryNo}: {Entries} interactions in {Ms} ms (reading lines {ReadMs} ms, " +
            "checking them {CheckMs} ms, writing entries {WriteMs} ms, statistics {TotalsMs} ms, deleting the segment {DeleteMs} ms, commit {CommitMs} ms)",
            segmentNo, logged.EntryNo, done, watch.ElapsedMilliseconds, reading.ElapsedMilliseconds, (long)run.Checking.TotalMilliseconds,
            (long)run.Writing.TotalMilliseconds, statistics.ElapsedMilliseconds, deleting.ElapsedMilliseconds, committing.ElapsedMilliseconds);
        return new SegmentLoggedDto(logged.EntryNo, done, followUpNo);
    }

    /// <summary>
    /// Two logs of one segment at once: on PostgreSQL the second finds the header row locked and is told so at once;
    /// on SQLite the write gate makes it wait, and it then finds the segment logged (rule 43). Both are 409.
    /// </summary>
    private async Task LockAsync(string segmentNo, CancellationToken ct)
    {
        if (!await segmentLock.TryTakeAsync(db, segmentNo, ct))
        {
            throw DomainException.Conflict(Messages.Get("SegmentBeingLogged", segmentNo));
        }
    }

    /// <summary>
    /// Rule 44: the entry a line makes. Rule 46's checks are the logging pipeline's, which names the line in its
    /// refusals; only a line without a template is refused here, as there is nothing to log it with.
    /// </summary>
    private static InteractionLine ToInteractionLine(SegmentLine line, long loggedEntryNo, Dictionary<string, string> templateGroups, DateTimeOffset now)
    {
        if (line.InteractionTemplateCode is null)
        {
            throw DomainException.Invalid($"lines[{line.LineNo}].interactionTemplateCode",
                Messages.Get("SegmentLineFieldRequired", line.LineNo, line.ContactNo, Messages.Field("interactionTemplateCode")));
        }
        return new InteractionLine
        {
            ContactNo = line.ContactNo,
            ContactCompanyNo = line.ContactCompanyNo,
            InteractionTemplateCode = line.InteractionTemplateCode,
            InteractionGroupCode = templateGroups.GetValueOrDefault(line.InteractionTemplateCode, ""),
            SalespersonCode = line.SalespersonCode,
            Date = line.Date,
            TimeOfInteraction = line.TimeOfInteraction ?? TimeOnly.FromDateTime(now.DateTime),
            Description = line.Description,
            Subject = line.Subject,
            InformationFlow = line.InformationFlow,
            InitiatedBy = line.InitiatedBy,
            CostLcy = line.CostLcy,
            DurationMin = line.DurationMin,
            CorrespondenceType = line.CorrespondenceType,
            LanguageCode = line.LanguageCode,
            Evaluation = line.Evaluation,
            AttemptFailed = line.AttemptFailed,
            CampaignNo = line.CampaignNo,
            CampaignTarget = line.CampaignTarget,
            CampaignResponse = line.CampaignResponse,
            OpportunityNo = line.OpportunityNo,
            SegmentNo = line.SegmentNo,
            AttachmentNo = line.AttachmentNo,
            LoggedSegmentEntryNo = loggedEntryNo,
        };
    }

    /// <summary>
    /// Rule 45: a new segment for the same campaign, "Follow-up on segment …", with a line for every contact of the
    /// logged one, numbered in steps of 10,000 and inheriting the new header as any added line does.
    /// </summary>
    private async Task<string> CreateFollowUpAsync(SegmentHeader logged, DateOnly today, CancellationToken ct)
    {
        var description = Messages.Get("FollowUpOnSegment", logged.No);
        var fields = new SegmentFields
        {
            Description = description.Length > FollowUpDescriptionLength ? description[..FollowUpDescriptionLength] : description,
            CampaignNo = logged.CampaignNo,
        };
        var followUp = SegmentHeader.Create("", today, fields, null, new FieldErrors());
        var no = await noSeries.GetNextNoAsync(NoSeriesLine.Segments, n => db.SegmentHeaders.AnyAsync(s => s.No == n, ct), ct);
        followUp.AssignNo(no);
        db.SegmentHeaders.Add(followUp);
        await db.SaveChangesAsync(ct);
        await ApplySegmentCriteria.InsertLinesAsync(db, no, 0,
            """c."No" IN (SELECT l."ContactNo" FROM "SegmentLines" l WHERE l."SegmentNo" = {2})""", [logged.No], ct);
        return no;
    }
}
