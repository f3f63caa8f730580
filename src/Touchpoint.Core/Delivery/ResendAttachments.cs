using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Core.Delivery;

/// <summary>Rule 50's option "Correspondence Type": as the entry was sent, or as an e-mail, or as a hard copy.</summary>
public enum ResendCorrespondenceType
{
    SameAsEntry,
    Email,
    HardCopy,
}

/// <summary>What to resend and how (BC report 5183's request page).</summary>
public sealed record ResendRequest
{
    public ResendCorrespondenceType CorrespondenceType { get; init; }

    /// <summary>Logs a new entry "Resend: …" (today, now, same logged segment) and delivers that one, merged anew.</summary>
    public bool UpdateMergeFields { get; init; }
}

/// <summary>
/// Rule 50, BC's "Resend Attachments": entries are delivered again, as their own correspondence type or as another.
/// Skipped, as BC skips them: entries without an attachment, canceled or postponed ones, those without a correspondence
/// type, and those already waiting to be delivered; a hard copy needs a Word letter to merge. Nothing left: 409 "There
/// is nothing to send". E-mail is refused while no SMTP server is set up (rule 21) and for a contact without an
/// address (rule 46), before anything changes. Without "Update Merge Fields" the same entries go back In Progress with
/// a new delivery (a new Message-ID); with it, each gets a "Resend: …" entry through the logging pipeline, which is
/// delivered instead. Returns the entries now in progress, read before the commit: the delivery worker, woken by the
/// commit, may already have sent them by the time a later read came.
/// </summary>
public sealed class ResendAttachments(ITouchpointDb db, LogInteraction log, GetInteractionLogEntry get, DeliverySignal deliverySignal, IOptions<SmtpOptions> smtp,
    TimeProvider clock)
{
    /// <summary>Entries resent at once from the log: more is a logged segment's work (<see cref="LoggedSegmentAsync"/>).</summary>
    public const int MaxEntries = 1000;

    private const int PerQuery = 5000;

    public async Task<IReadOnlyList<InteractionLogEntryDto>> EntriesAsync(IReadOnlyCollection<long> entryNos, ResendRequest request, string userId,
        CancellationToken ct = default)
    {
        if (entryNos.Count == 0)
        {
            throw DomainException.Invalid("entryNos", Messages.Get("EntryNosRequired"));
        }
        if (entryNos.Count > MaxEntries)
        {
            throw DomainException.Invalid("entryNos", Messages.Get("ResendTooManyEntries", MaxEntries));
        }
        var wanted = entryNos.Distinct().ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var entries = await db.InteractionLogEntries.Where(e => wanted.Contains(e.EntryNo)).OrderBy(e => e.EntryNo).ToListAsync(ct);
        var missing = wanted.Except(entries.Select(e => e.EntryNo)).ToList();
        if (missing.Count > 0)
        {
            throw DomainException.NotFound(Messages.Get("InteractionLogEntryNotFound", string.Join(", ", missing)));
        }
        var resent = await get.ManyAsync(await ResendAsync(entries, request, userId, ct), ct);
        await transaction.CommitAsync(ct);
        return resent;
    }

    /// <summary>A logged segment's entries, or only those whose delivery failed (BC: the report's filter on the logged segment).</summary>
    public async Task<IReadOnlyList<InteractionLogEntryDto>> LoggedSegmentAsync(long loggedSegmentEntryNo, ResendRequest request, bool onlyFailed, string userId,
        CancellationToken ct = default)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (!await db.LoggedSegments.AnyAsync(l => l.EntryNo == loggedSegmentEntryNo, ct))
        {
            throw DomainException.NotFound(Messages.Get("LoggedSegmentNotFound", loggedSegmentEntryNo));
        }
        var entries = await db.InteractionLogEntries
            .Where(e => e.LoggedSegmentEntryNo == loggedSegmentEntryNo && (!onlyFailed || e.DeliveryStatus == DeliveryStatus.Error))
            .OrderBy(e => e.EntryNo).ToListAsync(ct);
        var resent = await get.ManyAsync(await ResendAsync(entries, request, userId, ct), ct);
        await transaction.CommitAsync(ct);
        return resent;
    }

    private async Task<IReadOnlyList<long>> ResendAsync(List<InteractionLogEntry> entries, ResendRequest request, string userId, CancellationToken ct)
    {
        var waiting = new HashSet<long>();
        foreach (var chunk in entries.Select(e => e.EntryNo).Chunk(PerQuery))
        {
            waiting.UnionWith(await db.DeliverySorter.Where(d => chunk.Contains(d.EntryNo)).Select(d => d.EntryNo).ToListAsync(ct));
        }
        var wordLetters = await WordLettersAsync(entries, ct);
        var toSend = new List<(InteractionLogEntry Entry, CorrespondenceType Type)>();
        foreach (var entry in entries)
        {
            var type = request.CorrespondenceType switch
            {
                ResendCorrespondenceType.Email => CorrespondenceType.Email,
                ResendCorrespondenceType.HardCopy => CorrespondenceType.HardCopy,
                _ => entry.CorrespondenceType,
            };
            if (entry.AttachmentNo is null || entry.Canceled || entry.Postponed || type == CorrespondenceType.None || waiting.Contains(entry.EntryNo)
                || (type == CorrespondenceType.HardCopy && !wordLetters.Contains(entry.EntryNo)))
            {
                continue;
            }
            toSend.Add((entry, type));
        }
        if (toSend.Count == 0)
        {
            throw DomainException.Conflict(Messages.Get("NothingToResend"));
        }
        if (toSend.Any(s => s.Type == CorrespondenceType.Email) && !smtp.Value.IsSetUp)
        {
            throw DomainException.Conflict(Messages.Get("EmailNotSetUp"));
        }
        return request.UpdateMergeFields ? await LogResendAsync(toSend, userId, ct) : await RequeueAsync(toSend, ct);
    }

    /// <summary>The entries whose attachment is a Word letter: only those can be merged and printed.</summary>
    private async Task<HashSet<long>> WordLettersAsync(List<InteractionLogEntry> entries, CancellationToken ct)
    {
        var result = new HashSet<long>();
        foreach (var chunk in entries.Where(e => e.AttachmentNo != null).Chunk(PerQuery))
        {
            var attachmentNos = chunk.Select(e => e.AttachmentNo!.Value).Distinct().ToList();
            var word = (await db.Attachments.Where(a => attachmentNos.Contains(a.No)).Select(a => new { a.No, a.FileExtension }).ToListAsync(ct))
                .Where(a => a.FileExtension == Attachments.Attachment.WordExtension).Select(a => a.No).ToHashSet();
            result.UnionWith(chunk.Where(e => word.Contains(e.AttachmentNo!.Value)).Select(e => e.EntryNo));
        }
        return result;
    }

    /// <summary>Without "Update Merge Fields": the same entries In Progress again, each with a new delivery.</summary>
    private async Task<IReadOnlyList<long>> RequeueAsync(List<(InteractionLogEntry Entry, CorrespondenceType Type)> toSend, CancellationToken ct)
    {
        await RequireEmailAddressesAsync(toSend, ct);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        foreach (var (entry, type) in toSend)
        {
            entry.StartDelivery();
            db.DeliverySorter.Add(new DeliverySorter(entry.EntryNo, type, entry.Subject, sendWordDocsAsAttmt: false, entry.InteractionLanguageCode, now));
        }
        await db.SaveChangesAsync(ct);
        deliverySignal.WakeAfterCommit(db.Database.CurrentTransaction!.GetDbTransaction());
        return toSend.Select(s => s.Entry.EntryNo).ToList();
    }

    /// <summary>Rule 46 for the re-queued e-mails: every contact needs an address; all refusals are told at once.</summary>
    private async Task RequireEmailAddressesAsync(List<(InteractionLogEntry Entry, CorrespondenceType Type)> toSend, CancellationToken ct)
    {
        var contactNos = toSend.Where(s => s.Type == CorrespondenceType.Email).Select(s => s.Entry.ContactNo).Distinct().ToList();
        var withEmail = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in contactNos.Chunk(PerQuery))
        {
            withEmail.UnionWith(await db.Contacts.Where(c => chunk.Contains(c.No) && c.Email != null && c.Email != "").Select(c => c.No).ToListAsync(ct));
        }
        var errors = new FieldErrors();
        foreach (var no in contactNos.Where(no => !withEmail.Contains(no)))
        {
            errors.Add("correspondenceType", Messages.Get("ContactNeedsEmail", no));
        }
        errors.ThrowIfAny();
    }

    /// <summary>With "Update Merge Fields": a "Resend: …" entry per entry, today and now, logged and delivered through the pipeline.</summary>
    private async Task<IReadOnlyList<long>> LogResendAsync(List<(InteractionLogEntry Entry, CorrespondenceType Type)> toSend, string userId,
        CancellationToken ct)
    {
        var (today, now) = InteractionDefaults.When(clock);
        var prefix = Messages.Get("ResendDescriptionPrefix") + " ";
        var lines = toSend.Select(s => new LineToLog
        {
            Line = s.Entry.ToLine() with
            {
                Date = today,
                TimeOfInteraction = now,
                Description = Cut(prefix + s.Entry.Description, InteractionLogEntry.DescriptionLength),
                CorrespondenceType = s.Type,
            },
            UserId = userId,
            Deliver = true,
            // BC copies the entry whole: the resent letter counts on the campaign entry it was first sent with.
            CampaignEntryNo = s.Entry.CampaignEntryNo,
        }).ToList();
        var run = log.Begin();
        var written = new List<long>(lines.Count);
        foreach (var chunk in lines.Chunk(PerQuery))
        {
            written.AddRange((await run.WriteAsync(chunk, ct)).Select(e => e.EntryNo));
        }
        await run.CompleteAsync(ct);
        return written;
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];
}
