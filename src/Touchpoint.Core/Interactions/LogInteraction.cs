using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Attachments;
using Touchpoint.Core.Campaigns;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Delivery;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace Touchpoint.Core.Interactions;

/// <summary>One line handed to the logging pipeline, with who logs it and what the caller already knows of it.</summary>
public sealed record LineToLog
{
    public required InteractionLine Line { get; init; }
    public required string UserId { get; init; }

    /// <summary>Rule 47: the description of the line's own campaign entry (BC: "Interactions", or the document type's caption).</summary>
    public string CampaignEntryDescription { get; init; } = "";

    /// <summary>
    /// The caller has checked the line against the same rows, more strictly than rule 46 (the wizard's finish: blocked
    /// contacts and salespeople too; a document: contact and template resolved), with rule 46's e-mail adjustment
    /// applied: checking it again would read those rows a second time.
    /// </summary>
    public bool Checked { get; init; }

    /// <summary>
    /// The line's contact as the caller read it with the line: <see cref="ContactOnFile.Missing"/> when there is none,
    /// else its e-mail address. Rule 46 then does not look the contact up again (a segment reads 100,000 lines with
    /// their contacts in the query that reads them, an index probe each, rather than sending 100,000 numbers back).
    /// </summary>
    public ContactOnFile? Contact { get; init; }

    /// <summary>A segment's line number: its refusals then name the line (lines[20000].salespersonCode) and its contact.</summary>
    public int? SegmentLineNo { get; init; }

    /// <summary>Rule 25: saved to be finished later: no check, no campaign entry, no statistics, no delivery.</summary>
    public bool Postponed { get; init; }

    /// <summary>Rule 27: the postponed entry this line completes (or keeps postponed), instead of a new one.</summary>
    public InteractionLogEntry? Resume { get; init; }

    /// <summary>
    /// Rules 44 and 47 ("Send"): a line with a correspondence type, not postponed, is delivered: its entry starts In
    /// Progress and goes into the delivery sorter with it. It needs an attachment (rule 48) and, for e-mail, an address
    /// (rule 46) and a configured SMTP server (rule 21).
    /// </summary>
    public bool Deliver { get; init; }

    /// <summary>Rule 49: a Word letter goes as a .docx attachment rather than as the e-mail's body.</summary>
    public bool SendWordDocsAsAttmt { get; init; }

    /// <summary>Rule 50: a resent entry's copy counts on the campaign entry the entry was logged with; no new one is made.</summary>
    public long? CampaignEntryNo { get; init; }
}

/// <summary>A line's contact as its caller read it: whether it exists and its e-mail address (rule 46).</summary>
public readonly record struct ContactOnFile(bool Exists, string? Email)
{
    public static ContactOnFile Missing => new(false, null);

    /// <summary>From a look-up that answers the contact's e-mail as "" when it has none and null when there is no contact.</summary>
    public static ContactOnFile FromLookUp(string? emailOrEmpty) =>
        emailOrEmpty is null ? Missing : new(true, emailOrEmpty.Length == 0 ? null : emailOrEmpty);
}

/// <summary>
/// Rule 43: the campaign entries of a logged segment, one per campaign of its lines, shared by their entries and
/// registered to the logged segment; other callers get a campaign entry per line (rule 47).
/// </summary>
public sealed record SharedCampaignEntries(string Description, DateOnly Date, string UserId, string? SegmentNo, string? SalespersonCode, long RegisterNo);

/// <summary>
/// BC's LogInteraction (rules 46–47), the one logging pipeline: the wizard, phone calls, document events, the CSV
/// import and segments all hand it their lines, in batches (a single interaction is a batch of one). For a batch it
/// checks the lines (rule 46) with one query per kind of reference, makes the campaign entries (rule 47), one read-only
/// copy of each attachment the lines use (shared by their entries), writes the entries through the provider's bulk path
/// (a prepared INSERT of many rows on SQLite, binary COPY on PostgreSQL), their comments and their statistics, all in the caller's
/// transaction (or one of its own when the caller has none).
/// </summary>
public sealed class LogInteraction(ITouchpointDb db, IInteractionLogEntryBulkWriter writer, AttachmentStore attachments, TimeProvider clock,
    IOptions<SmtpOptions> smtp, DeliverySignal deliverySignal)
{
    /// <summary>The lines as one batch; returns their entries, numbered, in the lines' order.</summary>
    public async Task<IReadOnlyList<InteractionLogEntry>> HandleAsync(IReadOnlyList<LineToLog> lines, CancellationToken ct = default)
    {
        var run = Begin();
        var ownTransaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var entries = await run.WriteAsync(lines, ct);
            await run.CompleteAsync(ct);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(ct);
            }
            return entries;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    /// <summary>One line; returns its entry.</summary>
    public async Task<InteractionLogEntry> HandleAsync(LineToLog line, CancellationToken ct = default) =>
        (await HandleAsync([line], ct))[0];

    /// <summary>
    /// A run of batches in the caller's transaction (a segment of any size, a large import): campaign entries and
    /// attachment copies are shared across its batches, and its statistics are written once, by <see cref="Run.CompleteAsync"/>.
    /// </summary>
    public Run Begin(SharedCampaignEntries? sharedCampaignEntries = null) => new(this, sharedCampaignEntries);

    public sealed class Run
    {
        private readonly LogInteraction _log;
        private readonly SharedCampaignEntries? _shared;
        private readonly Dictionary<string, long> _sharedCampaignEntries = new(StringComparer.Ordinal);
        private readonly Dictionary<long, long> _attachmentCopies = [];
        private readonly InteractionTotals _totals = new();

        internal Run(LogInteraction log, SharedCampaignEntries? shared)
        {
            _log = log;
            _shared = shared;
        }

        /// <summary>How long the bulk path took, for the callers' own log lines.</summary>
        public TimeSpan Writing { get; private set; }

        /// <summary>How long rule 46's checks took (their look-ups), for the callers' own log lines.</summary>
        public TimeSpan Checking { get; private set; }

        public Task<IReadOnlyList<InteractionLogEntry>> WriteAsync(IReadOnlyList<LineToLog> lines, CancellationToken ct) =>
            _log.WriteAsync(this, lines, ct);

        /// <summary>The run's statistics (InteractionTotals), in the same transaction as its entries.</summary>
        public Task CompleteAsync(CancellationToken ct) => _log.SaveTotalsAsync(_totals, ct);

        internal SharedCampaignEntries? Shared => _shared;
        internal Dictionary<string, long> SharedCampaignEntryNos => _sharedCampaignEntries;
        internal Dictionary<long, long> AttachmentCopies => _attachmentCopies;
        internal InteractionTotals Totals => _totals;
        internal void AddWriting(TimeSpan time) => Writing += time;
        internal void AddChecking(TimeSpan time) => Checking += time;
    }

    private Task SaveTotalsAsync(InteractionTotals totals, CancellationToken ct) => totals.SaveAsync(db, ct);

    private async Task<IReadOnlyList<InteractionLogEntry>> WriteAsync(Run run, IReadOnlyList<LineToLog> lines, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The logging pipeline writes in the caller's transaction.");
        }
        if (lines.Count == 0)
        {
            return [];
        }
        var checking = clock.GetTimestamp();
        var checkedLines = await CheckAsync(lines, ct);
        run.AddChecking(clock.GetElapsedTime(checking));
        checkedLines = ToDeliver(lines, checkedLines);
        var campaignEntryNos = await CampaignEntriesAsync(run, lines, checkedLines, ct);
        checkedLines = await AttachmentsAsync(run, lines, checkedLines, ct);

        var entries = new InteractionLogEntry[lines.Count];
        var fresh = new List<InteractionLogEntry>(lines.Count);
        var resumed = new List<int>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Resume is { } postponedEntry)
            {
                postponedEntry.Resume(checkedLines[i], lines[i].UserId, lines[i].Postponed, campaignEntryNos[i]);
                entries[i] = postponedEntry;
                resumed.Add(i);
            }
            else
            {
                entries[i] = InteractionLogEntry.From(checkedLines[i], lines[i].UserId, lines[i].Postponed, campaignEntryNos[i]);
                fresh.Add(entries[i]);
            }
            run.Totals.AddIfCounted(entries[i]);
        }
        if (fresh.Count > 0)
        {
            var started = clock.GetTimestamp();
            var numbers = await writer.WriteAsync(db, fresh, ct);
            run.AddWriting(clock.GetElapsedTime(started));
            for (var i = 0; i < fresh.Count; i++)
            {
                fresh[i].Numbered(numbers[i]);
            }
        }
        if (resumed.Count > 0)
        {
            await ResumeAsync(lines, resumed, ct);
        }
        await CommentsAsync(lines, entries, ct);
        await DeliverySorterAsync(lines, entries, ct);
        return entries;
    }

    /// <summary>
    /// Rules 44, 47 and 48: the lines to deliver (with "Send", a correspondence type, not postponed) start In Progress;
    /// each needs an attachment, and e-mail needs the SMTP server (rule 21: refused, nothing written). Checked for the
    /// whole batch before anything is written.
    /// </summary>
    private InteractionLine[] ToDeliver(IReadOnlyList<LineToLog> lines, InteractionLine[] checkedLines)
    {
        var errors = new FieldErrors();
        var result = (InteractionLine[])checkedLines.Clone();
        var email = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = checkedLines[i];
            if (!lines[i].Deliver || lines[i].Postponed || line.CorrespondenceType == CorrespondenceType.None)
            {
                continue;
            }
            if (line.AttachmentNo is null)
            {
                new LineErrors(errors, lines[i].SegmentLineNo, line.ContactNo).Add("interactionTemplateCode", lines[i].SegmentLineNo is { } lineNo
                    ? Messages.Get("SegmentLineNoAttachmentToSend", lineNo, line.ContactNo)
                    : Messages.Get("NoAttachmentToSend"));
            }
            email |= line.CorrespondenceType == CorrespondenceType.Email;
            result[i] = line with { DeliveryStatus = DeliveryStatus.InProgress };
        }
        errors.ThrowIfAny();
        if (email && !smtp.Value.IsSetUp)
        {
            throw DomainException.Conflict(Messages.Get("EmailNotSetUp"));
        }
        return result;
    }

    /// <summary>The delivery sorter's rows of the entries to deliver, in the entries' transaction; its commit wakes the worker.</summary>
    private async Task DeliverySorterAsync(IReadOnlyList<LineToLog> lines, InteractionLogEntry[] entries, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var rows = new List<DeliverySorter>();
        for (var i = 0; i < lines.Count; i++)
        {
            var entry = entries[i];
            if (entry.DeliveryStatus == DeliveryStatus.InProgress && !entry.Postponed)
            {
                rows.Add(new DeliverySorter(entry.EntryNo, entry.CorrespondenceType, entry.Subject, lines[i].SendWordDocsAsAttmt,
                    entry.InteractionLanguageCode, now));
            }
        }
        if (rows.Count == 0)
        {
            return;
        }
        db.DeliverySorter.AddRange(rows);
        await db.SaveChangesAsync(ct);
        // Written once and read by the worker: not kept in this context (a segment's run may write 100,000).
        foreach (var row in rows)
        {
            ((DbContext)db).Entry(row).State = EntityState.Detached;
        }
        deliverySignal.WakeAfterCommit(db.Database.CurrentTransaction!.GetDbTransaction());
    }

    /// <summary>Rule 27: the resumed entries are saved as changed; their comments are replaced by the wizard's.</summary>
    private async Task ResumeAsync(IReadOnlyList<LineToLog> lines, List<int> resumed, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else finished or deleted this postponed entry meanwhile (Postponed is a concurrency token).
            throw DomainException.Conflict(Messages.Get("EntryChangedByAnotherUser"));
        }
        var resumedNos = resumed.Select(i => lines[i].Resume!.EntryNo).ToList();
        await db.InteractionLogEntryComments.Where(c => resumedNos.Contains(c.EntryNo)).ExecuteDeleteAsync(ct);
    }

    private async Task CommentsAsync(IReadOnlyList<LineToLog> lines, InteractionLogEntry[] entries, CancellationToken ct)
    {
        if (lines.All(l => l.Line.Comments.Count == 0))
        {
            return;
        }
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        for (var i = 0; i < lines.Count; i++)
        {
            var comments = lines[i].Line.Comments;
            for (var c = 0; c < comments.Count; c++)
            {
                db.InteractionLogEntryComments.Add(new InteractionLogEntryComment(entries[i].EntryNo, (c + 1) * 10000, today, comments[c]));
            }
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Rule 47: a campaign entry for each line with a campaign (not when postponed); a logged segment's lines share one
    /// per campaign (rule 43). Written in one round trip for the batch.
    /// </summary>
    private async Task<long?[]> CampaignEntriesAsync(Run run, IReadOnlyList<LineToLog> lines, InteractionLine[] checkedLines, CancellationToken ct)
    {
        var numbers = new long?[lines.Count];
        var made = new List<(int Index, CampaignEntry Entry)>();
        var sharedMade = new Dictionary<string, CampaignEntry>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = checkedLines[i];
            if (lines[i].Postponed || line.CampaignNo is not { } campaignNo)
            {
                continue;
            }
            if (lines[i].CampaignEntryNo is { } kept)
            {
                numbers[i] = kept;
                continue;
            }
            if (run.Shared is { } shared)
            {
                if (run.SharedCampaignEntryNos.TryGetValue(campaignNo, out var existing))
                {
                    numbers[i] = existing;
                    continue;
                }
                if (!sharedMade.TryGetValue(campaignNo, out var entry))
                {
                    entry = new CampaignEntry(campaignNo, shared.Description, shared.Date, shared.UserId, shared.SegmentNo, shared.SalespersonCode,
                        shared.RegisterNo, DocumentType.None);
                    sharedMade[campaignNo] = entry;
                }
                made.Add((i, entry));
            }
            else
            {
                made.Add((i, new CampaignEntry(campaignNo, lines[i].CampaignEntryDescription, line.Date, lines[i].UserId, line.SegmentNo,
                    line.SalespersonCode, null, line.DocumentType)));
            }
        }
        if (made.Count == 0)
        {
            return numbers;
        }
        // In campaign order, so that a segment's campaign entries are numbered as BC numbers them.
        db.CampaignEntries.AddRange(made.Select(m => m.Entry).Distinct().OrderBy(e => run.Shared is null ? "" : e.CampaignNo, StringComparer.Ordinal));
        await db.SaveChangesAsync(ct);
        foreach (var (index, entry) in made)
        {
            numbers[index] = entry.EntryNo;
        }
        foreach (var (campaignNo, entry) in sharedMade)
        {
            run.SharedCampaignEntryNos[campaignNo] = entry.EntryNo;
        }
        return numbers;
    }

    /// <summary>
    /// Rules 44 and 47: each entry keeps a read-only copy of its line's attachment, so replacing the template's file
    /// never changes what was sent. Entries of one batch or run that use the same file share one copy, as BC's
    /// segment lines share theirs. A resumed entry lets go of the copy it kept while postponed.
    /// </summary>
    private async Task<InteractionLine[]> AttachmentsAsync(Run run, IReadOnlyList<LineToLog> lines, InteractionLine[] checkedLines, CancellationToken ct)
    {
        foreach (var line in lines)
        {
            if (line.Resume?.AttachmentNo is { } earlier)
            {
                await attachments.RemoveAsync(earlier, ct);
            }
        }
        var sources = checkedLines.Select(l => l.AttachmentNo).OfType<long>().Distinct().Where(no => !run.AttachmentCopies.ContainsKey(no)).ToList();
        if (sources.Count > 0)
        {
            var copies = new List<(long Source, Attachment Copy)>(sources.Count);
            foreach (var source in sources)
            {
                copies.Add((source, await attachments.CopyForEntryAsync(source, ct)));
            }
            // The copies are numbered by the database when saved: only then is their number known.
            await db.SaveChangesAsync(ct);
            foreach (var (source, copy) in copies)
            {
                run.AttachmentCopies[source] = copy.No;
            }
        }
        return checkedLines.Select(l => l.AttachmentNo is { } no ? l with { AttachmentNo = run.AttachmentCopies[no] } : l).ToArray();
    }

    /// <summary>
    /// Rule 46 (CheckSegmentLine) for the lines not checked by their caller and not postponed: the contact, the
    /// salesperson (unless a document is logged), the template and the campaign must exist, read with one query per kind
    /// for the whole batch; an e-mail interaction with a contact without an e-mail address goes without correspondence
    /// type, or is refused when it is to be delivered. Every refusal of the batch is told at once, each at its line.
    /// </summary>
    private async Task<InteractionLine[]> CheckAsync(IReadOnlyList<LineToLog> lines, CancellationToken ct)
    {
        var result = lines.Select(l => l.Line).ToArray();
        var toCheck = Enumerable.Range(0, lines.Count).Where(i => !lines[i].Checked && !lines[i].Postponed).ToList();
        if (toCheck.Count == 0)
        {
            return result;
        }
        var contacts = await ContactsAsync(toCheck.Select(i => lines[i]).Where(l => l.Contact is null).Select(l => l.Line.ContactNo), ct);
        var salespeople = await ExistingAsync(db.Salespeople.Select(s => s.Code), toCheck.Select(i => lines[i].Line.SalespersonCode), ct);
        var templates = await ExistingAsync(db.InteractionTemplates.Select(t => t.Code), toCheck.Select(i => lines[i].Line.InteractionTemplateCode), ct);
        var campaigns = await ExistingAsync(db.Campaigns.Select(c => c.No), toCheck.Select(i => lines[i].Line.CampaignNo), ct);

        var errors = new FieldErrors();
        foreach (var i in toCheck)
        {
            var toLog = lines[i];
            var line = toLog.Line;
            var at = new LineErrors(errors, toLog.SegmentLineNo, line.ContactNo);
            // The contact as the caller read it with the line, else as looked up here.
            var contact = toLog.Contact ?? contacts.GetValueOrDefault(line.ContactNo, ContactOnFile.Missing);
            if (!contact.Exists)
            {
                at.Missing("contactNo", Messages.Get("ContactNotFound", line.ContactNo));
            }
            var email = contact.Email;
            if (line.DocumentType == DocumentType.None)
            {
                if (line.SalespersonCode is null)
                {
                    at.Required("salespersonCode");
                }
                else if (!salespeople.Contains(line.SalespersonCode))
                {
                    at.Missing("salespersonCode", Messages.Get("SalespersonNotFound", line.SalespersonCode));
                }
            }
            if (!templates.Contains(line.InteractionTemplateCode))
            {
                at.Missing("interactionTemplateCode", Messages.Get("InteractionTemplateNotFound", line.InteractionTemplateCode));
            }
            if (line.CampaignNo is { } campaign && !campaigns.Contains(campaign))
            {
                at.Missing("campaignNo", Messages.Get("CampaignNotFound", campaign));
            }
            if (line.CorrespondenceType == CorrespondenceType.Email && string.IsNullOrEmpty(email))
            {
                if (toLog.Deliver)
                {
                    // Rule 46 with Deliver: an e-mail to be sent needs an address.
                    at.Add("contactNo", toLog.SegmentLineNo is { } lineNo
                        ? Messages.Get("SegmentLineNoEmail", lineNo, line.ContactNo)
                        : Messages.Get("ContactNeedsEmail", line.ContactNo));
                }
                result[i] = Adjusted(line, email);
            }
        }
        errors.ThrowIfAny();
        return result;
    }

    /// <summary>Refusals of a line: plain fields for a single interaction, named by line and contact for a segment's line.</summary>
    private readonly struct LineErrors(FieldErrors errors, int? segmentLineNo, string contactNo)
    {
        private string Field(string field) => segmentLineNo is { } lineNo ? $"lines[{lineNo}].{field}" : field;

        public void Add(string field, string message) => errors.Add(Field(field), message);

        public void Required(string field) => errors.Add(Field(field), segmentLineNo is { } lineNo
            ? Messages.Get("SegmentLineFieldRequired", lineNo, contactNo, Messages.Field(field))
            : Messages.Get("FieldRequired", Messages.Field(field)));

        public void Missing(string field, string message) => errors.Add(Field(field), segmentLineNo is { } lineNo
            ? Messages.Get("SegmentLineReferenceMissing", lineNo, contactNo, message)
            : message);
    }

    // Look-ups go in chunks (each list one array parameter, as the providers are configured): the chunks keep each
    // query's plan and memory small.
    private const int CodesPerQuery = 5000;

    private async Task<Dictionary<string, ContactOnFile>> ContactsAsync(IEnumerable<string> contactNos, CancellationToken ct)
    {
        var found = new Dictionary<string, ContactOnFile>(StringComparer.Ordinal);
        foreach (var chunk in contactNos.Distinct(StringComparer.Ordinal).Chunk(CodesPerQuery))
        {
            var rows = chunk.Length == 1
                ? await db.Contacts.AsNoTracking().Where(c => c.No == chunk[0]).Select(c => new { c.No, c.Email }).ToListAsync(ct)
                : await db.Contacts.AsNoTracking().Where(c => chunk.Contains(c.No)).Select(c => new { c.No, c.Email }).ToListAsync(ct);
            foreach (var row in rows)
            {
                found[row.No] = new ContactOnFile(true, row.Email);
            }
        }
        return found;
    }

    private static async Task<HashSet<string>> ExistingAsync(IQueryable<string> table, IEnumerable<string?> named, CancellationToken ct)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in named.OfType<string>().Distinct(StringComparer.Ordinal).Chunk(CodesPerQuery))
        {
            var rows = chunk.Length == 1
                ? await table.Where(c => c == chunk[0]).ToListAsync(ct)
                : await table.Where(c => chunk.Contains(c)).ToListAsync(ct);
            found.UnionWith(rows);
        }
        return found;
    }

    /// <summary>Rule 46: an e-mail interaction with a contact without an e-mail address goes without correspondence type.</summary>
    internal static InteractionLine Adjusted(InteractionLine line, string? contactEmail) =>
        line.CorrespondenceType == CorrespondenceType.Email && string.IsNullOrEmpty(contactEmail)
            ? line with { CorrespondenceType = CorrespondenceType.None }
            : line;
}
