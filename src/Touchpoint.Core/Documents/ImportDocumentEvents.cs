using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Core.Documents;

/// <summary>How far an import has come: lines read, and bytes of the file read of its length (0 when unknown).</summary>
public readonly record struct DocumentImportProgress(int Lines, long BytesRead, long TotalBytes);

/// <summary>Why a line of the file was not logged: its file line (the header is line 1), the column when one is to blame.</summary>
public sealed record DocumentImportProblem(int LineNo, string? Field, string Message);

/// <summary>
/// What an import did: lines logged, lines skipped because their idempotency key had been used before (an earlier
/// import, or POST /documentEvents with that Idempotency-Key), lines not logged with their problems (one or more each).
/// With a dry run nothing is written and <see cref="Logged"/> counts what would have been.
/// </summary>
public sealed record DocumentImportResult(int Lines, int Logged, int AlreadyImported, int NotLogged, IReadOnlyList<DocumentImportProblem> Problems);

/// <summary>
/// Many document events at once, from a CSV file whose first line names its columns with the API's names, for an ERP
/// that can write a file but cannot call POST /documentEvents. Each line is checked and resolved as
/// <see cref="LogDocument"/> does one event (rules 51–56: the template from the setup, the contact from the business
/// relation, salesperson, description and campaign from the line or the template), but against look-ups read in bulk,
/// and the entries go through the logging pipeline's bulk path. A bad line is reported with its line number and the
/// others are still logged. Everything logged is one transaction: entries, campaign entries, statistics and one
/// idempotency record per logged line, so a crash leaves nothing half-written and importing the file again logs nothing
/// twice. A line's idempotency key is its idempotencyKey column, shared with the API's Idempotency-Key, else a hash
/// of its values.
/// </summary>
public sealed class ImportDocumentEvents(ITouchpointDb db, LogInteraction log, IIdempotencyRecordBulkWriter recordWriter,
    ILargeTransaction largeTransaction, TimeProvider clock, ILogger<ImportDocumentEvents> logger)
{
    private const int BatchSize = 20000;
    private const string HashPrefix = "csv:";

    /// <summary>The columns a file may have, named as the fields of POST /documentEvents, plus the optional idempotencyKey.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "documentType", "documentNo", "versionNo", "docNoOccurrence", "customerNo", "vendorNo", "contactNo", "salespersonCode",
        "description", "campaignNo", "date", "timeOfInteraction", "idempotencyKey",
    ];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public async Task<DocumentImportResult> HandleAsync(Stream csv, string userId, bool dryRun,
        IProgress<DocumentImportProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var watch = Stopwatch.StartNew();
        try
        {
            using var text = new StreamReader(csv, StrictUtf8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
            var reader = new CsvRecordReader(text);
            var columns = ReadHeader(reader);
            // The import's one transaction; a dry run writes nothing, so it needs none (and keeps SQLite's writer free).
            await using var transaction = dryRun ? null : await db.Database.BeginTransactionAsync(ct);
            await using var settings = transaction is null ? null : await largeTransaction.BeginAsync(db, ct);
            var run = new Run(new DocumentResolver(db), clock.GetLocalNow(), clock.GetUtcNow(), userId, log.Begin());
            // Reading and checking lines is CPU work that needs no database: it runs a batch ahead, beside the writing.
            var batches = Channel.CreateBounded<Batch>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
            var lines = 0;
            // Where the time goes, for the log line at the end: waiting for parsed lines, resolving them, writing.
            var waiting = new Stopwatch();
            var resolving = new Stopwatch();
            var writing = new Stopwatch();
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var parsing = Task.Run(() => ParseAllAsync(reader, columns, csv, batches.Writer, stop.Token), CancellationToken.None);
            try
            {
                while (true)
                {
                    waiting.Start();
                    // Throws what stopped the reading (a line that is not UTF-8), as it was thrown.
                    var more = await batches.Reader.WaitToReadAsync(ct);
                    waiting.Stop();
                    if (!more || !batches.Reader.TryRead(out var batch))
                    {
                        break;
                    }
                    lines += batch.Lines.Count;
                    resolving.Start();
                    await ResolveAsync(batch.Lines, run, ct);
                    resolving.Stop();
                    if (!dryRun)
                    {
                        writing.Start();
                        await WriteAsync(batch.Lines, run, ct);
                        writing.Stop();
                    }
                    run.Tally(batch.Lines);
                    progress?.Report(new DocumentImportProgress(lines, batch.BytesRead, batch.TotalBytes));
                }
            }
            finally
            {
                // Stops the reader when the import fails part-way, before the file is closed under it.
                await stop.CancelAsync();
                await parsing.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
            var committing = Stopwatch.StartNew();
            if (transaction is not null)
            {
                await run.Log.CompleteAsync(ct);
                await transaction.CommitAsync(ct);
            }
            committing.Stop();
            logger.LogInformation("Imported {Lines} document event lines{DryRun}: {Logged} logged, {Already} already imported, {Bad} not logged, " +
                "in {Ms} ms (waiting for parsed lines {WaitMs} ms, resolving {ResolveMs} ms, of which looking up used keys {KeysMs} ms, writing {WriteMs} ms, " +
                "of which the entries' bulk path {EntriesMs} ms and the idempotency records {RecordsMs} ms, statistics and commit {CommitMs} ms)",
                lines, dryRun ? " (dry run)" : "", run.Logged, run.AlreadyImported, run.NotLogged, watch.ElapsedMilliseconds,
                waiting.ElapsedMilliseconds, resolving.ElapsedMilliseconds, run.CheckingKeys.ElapsedMilliseconds, writing.ElapsedMilliseconds,
                (long)run.Log.Writing.TotalMilliseconds, run.WritingRecords.ElapsedMilliseconds, committing.ElapsedMilliseconds);
            return new DocumentImportResult(lines, run.Logged, run.AlreadyImported, run.NotLogged, run.Problems);
        }
        catch (DecoderFallbackException)
        {
            throw DomainException.Invalid("file", Messages.Get("ImportNotUtf8"));
        }
        catch (DbException e) when (DatabaseErrors.IsUniqueViolation(e))
        {
            // A key checked as unused at the start of its batch was written meanwhile (another import or POST /documentEvents
            // on PostgreSQL, which lets them run side by side): the transaction is gone, so is everything of this import.
            throw DomainException.Conflict(Messages.Get("ImportKeysInUse"));
        }
    }

    private sealed record Batch(List<Line> Lines, long BytesRead, long TotalBytes);

    /// <summary>The producer: batches of parsed lines; the only one to touch the reader and the keys seen in the file.</summary>
    private static async Task ParseAllAsync(CsvRecordReader reader, Dictionary<string, int> columns, Stream csv, ChannelWriter<Batch> batches,
        CancellationToken ct)
    {
        try
        {
            var fields = new List<string>();
            var keys = new Dictionary<string, int>(StringComparer.Ordinal);
            while (true)
            {
                var lines = new List<Line>(BatchSize);
                while (lines.Count < BatchSize && reader.Read(fields, out var lineNo, out var unterminated))
                {
                    lines.Add(Parse(lineNo, fields, unterminated, columns, keys));
                }
                if (lines.Count == 0)
                {
                    break;
                }
                await batches.WriteAsync(new Batch(lines, csv.CanSeek ? csv.Position : 0, csv.CanSeek ? csv.Length : 0), ct);
            }
            batches.Complete();
        }
#pragma warning disable CA1031 // Not swallowed: the reader of the channel rethrows it.
        catch (Exception e)
#pragma warning restore CA1031
        {
            batches.Complete(e);
        }
    }

    private static Dictionary<string, int> ReadHeader(CsvRecordReader reader)
    {
        var header = new List<string>();
        if (!reader.Read(header, out _, out _))
        {
            throw DomainException.Invalid("file", Messages.Get("ImportFileEmpty", string.Join(", ", Columns)));
        }
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var unknown = new List<string>();
        for (var i = 0; i < header.Count; i++)
        {
            var name = header[i].Trim();
            if (Columns.FirstOrDefault(c => c.Equals(name, StringComparison.OrdinalIgnoreCase)) is not { } known)
            {
                unknown.Add(name.Length == 0 ? "\"\"" : name);
            }
            else if (!columns.TryAdd(known, i))
            {
                throw DomainException.Invalid("file", Messages.Get("ImportColumnRepeated", known));
            }
        }
        if (unknown.Count > 0)
        {
            throw DomainException.Invalid("file", Messages.Get("ImportColumnsUnknown", string.Join(", ", unknown), string.Join(", ", Columns)));
        }
        return columns;
    }

    /// <summary>
    /// What every line is resolved with (one resolver for the file, so each code is read once per import) and the tally.
    /// </summary>
    private sealed class Run(DocumentResolver resolver, DateTimeOffset now, DateTimeOffset createdAt, string userId, LogInteraction.Run log)
    {
        /// <summary>The logging pipeline's run: the entries of every batch, their campaign entries and statistics.</summary>
        public LogInteraction.Run Log { get; } = log;
        public DocumentResolver Resolver { get; } = resolver;
        public DateTimeOffset Now { get; } = now;
        public DateTimeOffset CreatedAt { get; } = createdAt;
        public string UserId { get; } = userId;
        public List<DocumentImportProblem> Problems { get; } = [];
        public int Logged { get; private set; }
        public int AlreadyImported { get; private set; }
        public int NotLogged { get; private set; }

        /// <summary>For the log line: looking up the keys used before, and writing the idempotency records.</summary>
        public Stopwatch CheckingKeys { get; } = new();
        public Stopwatch WritingRecords { get; } = new();

        /// <summary>Counts a resolved batch; its problems are kept in line order.</summary>
        public void Tally(List<Line> lines)
        {
            foreach (var line in lines)
            {
                if (line.Problems is { } problems)
                {
                    NotLogged++;
                    Problems.AddRange(problems.Select(p => new DocumentImportProblem(line.LineNo, p.Field, p.Message)));
                }
                else if (line.AlreadyImported)
                {
                    AlreadyImported++;
                }
                else
                {
                    Logged++;
                }
            }
        }
    }

    private sealed class Line(int lineNo)
    {
        public int LineNo { get; } = lineNo;
        public List<(string? Field, string Message)>? Problems { get; private set; }
        public bool Refused => Problems is not null;
        public bool AlreadyImported { get; set; }
        public DocumentEvent Event { get; set; } = new();
        public DocumentType Type { get; set; }
        public string? DocumentNo { get; set; }
        public string Key { get; set; } = "";

        /// <summary>The hash of the line's values, which a later POST /documentEvents with the line's key is compared by.</summary>
        public string RequestHash { get; set; } = "";
        public InteractionLine? Entry { get; set; }

        public void Refuse(string? field, string message) => (Problems ??= []).Add((field, message));
    }

    /// <summary>A line's text into an event, with LogDocument's own checks, and its idempotency key; or its problems.</summary>
    private static Line Parse(int lineNo, List<string> fields, bool unterminated, Dictionary<string, int> columns, Dictionary<string, int> keys)
    {
        var line = new Line(lineNo);
        if (unterminated)
        {
            line.Refuse(null, Messages.Get("ImportQuoteNotClosed"));
            return line;
        }
        if (fields.Count != columns.Count)
        {
            line.Refuse(null, Messages.Get("ImportValueCount", fields.Count, columns.Count));
            return line;
        }
        string? Value(string column) => columns.TryGetValue(column, out var i) && !string.IsNullOrWhiteSpace(fields[i]) ? fields[i] : null;

        var errors = new List<(string Field, string Message)>();
        var type = Value("documentType");
        var e = new DocumentEvent
        {
            // An unknown type is left out, so that LogDocument's check names the known ones, as the API does.
            DocumentType = type is not null && DocumentEventText.TryParseDocumentType(type, out var t) ? t : null,
            DocumentNo = Value("documentNo"),
            VersionNo = Read<int>(Value("versionNo"), TryParseNumber, "versionNo", "ImportNotWholeNumber", errors),
            DocNoOccurrence = Read<int>(Value("docNoOccurrence"), TryParseNumber, "docNoOccurrence", "ImportNotWholeNumber", errors),
            CustomerNo = Value("customerNo"),
            VendorNo = Value("vendorNo"),
            ContactNo = Value("contactNo"),
            SalespersonCode = Value("salespersonCode"),
            Description = Value("description"),
            CampaignNo = Value("campaignNo"),
            Date = Read<DateOnly>(Value("date"), DocumentEventText.TryParseDate, "date", "ImportNotDate", errors),
            TimeOfInteraction = Read<TimeOnly>(Value("timeOfInteraction"), DocumentEventText.TryParseTime, "timeOfInteraction", "ImportNotTime", errors),
        };
        var checks = new FieldErrors();
        var key = checks.MaxLength("idempotencyKey", Value("idempotencyKey")?.Trim(), IdempotencyRecord.KeyLength);
        var (documentType, documentNo) = LogDocument.Validate(e, checks);
        foreach (var (field, message) in errors)
        {
            checks.Add(field, message);
        }
        if (checks.Any)
        {
            try
            {
                checks.ThrowIfAny();
            }
            catch (DomainException refused)
            {
                foreach (var (field, messages) in refused.Errors)
                {
                    foreach (var message in messages)
                    {
                        line.Refuse(field, message);
                    }
                }
            }
            return line;
        }
        line.Event = e;
        line.Type = documentType;
        line.DocumentNo = documentNo;
        line.RequestHash = LogDocument.ValuesHash(e, documentType, documentNo);
        line.Key = key ?? HashPrefix + line.RequestHash;
        // Two lines with one key in a file are one event: the first is the one that counts.
        if (keys.TryGetValue(line.Key, out var first))
        {
            line.Refuse(key is null ? null : "idempotencyKey", Messages.Get("ImportDuplicateLine", first));
        }
        else
        {
            keys[line.Key] = lineNo;
        }
        return line;
    }

    private delegate bool TryParse<T>(string text, out T value);

    /// <summary>A column's value read as <typeparamref name="T"/>; blank is null, text that is not one is the field's error.</summary>
    private static T? Read<T>(string? value, TryParse<T> parse, string field, string messageKey, List<(string, string)> errors)
        where T : struct
    {
        if (value is null)
        {
            return null;
        }
        if (parse(value, out var parsed))
        {
            return parsed;
        }
        errors.Add((field, Messages.Get(messageKey, value)));
        return null;
    }

    private static bool TryParseNumber(string text, out int number) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out number);

    /// <summary>
    /// Rules 51, 54 and 46 for a batch: the keys used before are read for the whole batch in one query, then the lines
    /// are resolved as POST /documentEvents resolves an event, by the same <see cref="DocumentResolver"/>; where the API
    /// answers "not logged" (no template, no contact), the import reports the line as a problem, in words.
    /// </summary>
    private async Task ResolveAsync(List<Line> batch, Run run, CancellationToken ct)
    {
        var candidates = batch.Where(l => !l.Refused).ToList();
        var keys = candidates.Select(l => l.Key).ToList();
        run.CheckingKeys.Start();
        var used = keys.Count == 0 ? [] : (await db.IdempotencyRecords.AsNoTracking().Where(r => keys.Contains(r.Key))
            .Select(r => r.Key).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        run.CheckingKeys.Stop();
        foreach (var line in candidates.Where(l => used.Contains(l.Key)))
        {
            line.AlreadyImported = true;
        }
        candidates.RemoveAll(l => l.AlreadyImported);
        await run.Resolver.ReadAsync(candidates.Select(l => l.Event).ToList(), ct);
        foreach (var line in candidates)
        {
            var resolution = run.Resolver.Resolve(line.Event, line.Type, line.DocumentNo, run.Now);
            if (resolution.Reason is { } reason)
            {
                var (field, message) = DocumentEventText.Reason(line.Event, reason);
                line.Refuse(field, message);
            }
            foreach (var (field, message) in resolution.Refusals)
            {
                line.Refuse(field, message);
            }
            line.Entry = resolution.Line;
        }
    }

    /// <summary>
    /// A batch's entries through the logging pipeline (rule 47's campaign entry per document, as a single document
    /// event gets one; the lines were checked when resolved), and an idempotency record per entry that answers a later
    /// POST /documentEvents with the same key as the API would have: logged, with the entry's number.
    /// </summary>
    private async Task WriteAsync(List<Line> batch, Run run, CancellationToken ct)
    {
        var lines = batch.Where(l => l.Entry is not null).ToList();
        if (lines.Count == 0)
        {
            return;
        }
        var entries = await run.Log.WriteAsync(lines.Select(l => new LineToLog
        {
            Line = l.Entry!,
            UserId = run.UserId,
            CampaignEntryDescription = DocumentTypes.CampaignEntryDescription(l.Type),
            Checked = true,
        }).ToList(), ct);
        db.ChangeTracker.Clear();
        var records = new List<IdempotencyRecord>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var record = new IdempotencyRecord(new IdempotencyKey(lines[i].Key, LogDocument.IdempotencyScope, lines[i].RequestHash), run.CreatedAt);
            record.Answer(new LogAnswer(entries[i].EntryNo, null));
            records.Add(record);
        }
        run.WritingRecords.Start();
        await recordWriter.WriteAsync(db, records, ct);
        run.WritingRecords.Stop();
    }
}
