using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Persistence.Sqlite.Interactions;

/// <summary>
/// The SQLite bulk path for interaction log entries: one transaction, one prepared INSERT of many rows reused (see
/// benchmarks/README.md), its values bound by position straight through SQLite's own API. The columns follow
/// InteractionLogEntryConfiguration and the Initial migration; EntryNo is left to the AUTOINCREMENT key. Values are
/// bound exactly as EF Core stores them, checked against rows EF saved: enums as their number, booleans as 0/1,
/// DateOnly as 'yyyy-MM-dd', TimeOnly as 'HH:mm:ss' (with seven fraction digits only when it has a fraction), decimal
/// as EF's invariant "0.0###…" text ('8.0', '1.5'), DateTimeOffset in Microsoft.Data.Sqlite's text format, which EF
/// Core uses too.
/// </summary>
internal static class SqliteInteractionLogEntryWriter
{
    private static readonly (string Column, Action<sqlite3_stmt, int, InteractionLogEntry> Bind)[] Columns =
    [
        ("ContactNo", (s, i, e) => Text(s, i, e.ContactNo)),
        ("ContactCompanyNo", (s, i, e) => Text(s, i, e.ContactCompanyNo)),
        ("Date", (s, i, e) => Text(s, i, Date(e.Date))),
        ("TimeOfInteraction", (s, i, e) => Text(s, i, Time(e.TimeOfInteraction))),
        ("Description", (s, i, e) => Text(s, i, e.Description)),
        ("Subject", (s, i, e) => Text(s, i, e.Subject)),
        ("InformationFlow", (s, i, e) => Integer(s, i, (int)e.InformationFlow)),
        ("InitiatedBy", (s, i, e) => Integer(s, i, (int)e.InitiatedBy)),
        ("AttachmentNo", (s, i, e) => Integer(s, i, e.AttachmentNo)),
        ("CostLcy", (s, i, e) => Text(s, i, Decimal(e.CostLcy))),
        ("DurationMin", (s, i, e) => Text(s, i, Decimal(e.DurationMin))),
        ("UserId", (s, i, e) => Text(s, i, e.UserId)),
        ("InteractionGroupCode", (s, i, e) => Text(s, i, e.InteractionGroupCode)),
        ("InteractionTemplateCode", (s, i, e) => Text(s, i, e.InteractionTemplateCode)),
        ("CampaignNo", (s, i, e) => Text(s, i, e.CampaignNo)),
        ("CampaignEntryNo", (s, i, e) => Integer(s, i, e.CampaignEntryNo)),
        ("CampaignResponse", (s, i, e) => Integer(s, i, Bool(e.CampaignResponse))),
        ("CampaignTarget", (s, i, e) => Integer(s, i, Bool(e.CampaignTarget))),
        ("SegmentNo", (s, i, e) => Text(s, i, e.SegmentNo)),
        ("LoggedSegmentEntryNo", (s, i, e) => Integer(s, i, e.LoggedSegmentEntryNo)),
        ("Evaluation", (s, i, e) => Integer(s, i, (int)e.Evaluation)),
        ("AttemptFailed", (s, i, e) => Integer(s, i, Bool(e.AttemptFailed))),
        ("SalespersonCode", (s, i, e) => Text(s, i, e.SalespersonCode)),
        ("DeliveryStatus", (s, i, e) => Integer(s, i, (int)e.DeliveryStatus)),
        ("Canceled", (s, i, e) => Integer(s, i, Bool(e.Canceled))),
        ("CorrespondenceType", (s, i, e) => Integer(s, i, (int)e.CorrespondenceType)),
        ("DocumentType", (s, i, e) => Integer(s, i, (int)e.DocumentType)),
        ("DocumentNo", (s, i, e) => Text(s, i, e.DocumentNo)),
        ("VersionNo", (s, i, e) => Integer(s, i, e.VersionNo)),
        ("DocNoOccurrence", (s, i, e) => Integer(s, i, e.DocNoOccurrence)),
        ("ContactVia", (s, i, e) => Text(s, i, e.ContactVia)),
        ("InteractionLanguageCode", (s, i, e) => Text(s, i, e.InteractionLanguageCode)),
        ("OpportunityNo", (s, i, e) => Text(s, i, e.OpportunityNo)),
        ("Postponed", (s, i, e) => Integer(s, i, Bool(e.Postponed))),
        ("HasComments", (s, i, e) => Integer(s, i, Bool(e.HasComments))),
        ("CanceledBy", (s, i, e) => Text(s, i, e.CanceledBy)),
        ("CanceledAt", (s, i, e) => Text(s, i, e.CanceledAt is { } at ? DateTimeOffsetText(at) : null)),
    ];

    /// <summary>
    /// Rows per INSERT: a statement's own cost (step, reset, the B-tree descent it starts) is then paid once per 100
    /// rows; 100 rows of 37 values stay far below SQLite's limit of 32,766 values per statement. Binding by position
    /// matters here: Microsoft.Data.Sqlite binds each value by name, and SQLite finds a name by walking the
    /// statement's list of names, which for thousands of values costs more than the whole insert.
    /// </summary>
    private const int RowsPerInsert = 100;

    // SQLite does its I/O synchronously whatever the API; the async overloads would only add a Task per row.
    public static async Task WriteAsync(string connectionString, IEnumerable<InteractionLogEntry> entries, CancellationToken ct)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            // A larger page cache for this connection only: the table's eleven indexes take rows in random order.
            pragma.CommandText = "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-131072;";
            pragma.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        var totals = new InteractionTotals();
        // A generated log may hold millions of entries: they stream through, and their numbers are not kept.
        Insert(connection, entries, totals, numbers: null, ct);
        // The entries' statistics (InteractionTotals) in the same transaction.
        await totals.SaveAsync(connection, transaction, ct);
        transaction.Commit();
    }

    /// <summary>
    /// The rows only, on a connection whose transaction the caller holds; <paramref name="totals"/> collects their
    /// statistics when given; <paramref name="numbers"/>, when given, the numbers SQLite gave the rows, in their order.
    /// </summary>
    public static void Insert(SqliteConnection connection, IEnumerable<InteractionLogEntry> entries,
        InteractionTotals? totals, List<long>? numbers, CancellationToken ct)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        // Prepared when first needed: a batch of a few single interactions must not pay for parsing the 100-row statement.
        sqlite3_stmt? full = null;
        sqlite3_stmt? rest = null;
        try
        {
            foreach (var rows in entries.Chunk(RowsPerInsert))
            {
                ct.ThrowIfCancellationRequested();
                var insert = rows.Length == RowsPerInsert ? full ??= Prepare(handle, RowsPerInsert) : rest = Prepare(handle, rows.Length);
                var index = 1;
                foreach (var entry in rows)
                {
                    totals?.AddIfCounted(entry);
                    foreach (var column in Columns)
                    {
                        column.Bind(insert, index++, entry);
                    }
                }
                Check(handle, raw.sqlite3_step(insert), raw.SQLITE_DONE);
                Check(handle, raw.sqlite3_reset(insert), raw.SQLITE_OK);
                if (numbers is not null)
                {
                    // The rows of one INSERT are numbered one after another, the last of them being the last rowid:
                    // SQLite lets one connection write at a time, a statement runs to its end before any other writes,
                    // and AUTOINCREMENT gives each new row one more than the largest key ever used (it never fills
                    // gaps, and it fails rather than wrap around). So the first row has last − count + 1.
                    var last = raw.sqlite3_last_insert_rowid(handle);
                    for (var r = rows.Length - 1; r >= 0; r--)
                    {
                        numbers.Add(last - r);
                    }
                }
            }
        }
        finally
        {
            full?.Dispose();
            rest?.Dispose();
        }
    }

    /// <summary>
    /// OR FAIL, not the default ABORT: to undo a failed many-row statement SQLite keeps a statement journal, a copy of
    /// every page the statement touches (eleven indexes' worth), spilled to a temporary file. For 100,000 entries that
    /// was 2.6 GB of writes and doubled the bulk path (measured: 5.3 s → 2.6 s). FAIL keeps the rows written before the
    /// failing one, which costs nothing here: every caller rolls its whole transaction back on any failure.
    /// </summary>
    private static sqlite3_stmt Prepare(sqlite3 handle, int rows)
    {
        var row = $"({string.Join(", ", Enumerable.Repeat("?", Columns.Length))})";
        var sql = $"INSERT OR FAIL INTO \"InteractionLogEntries\" ({string.Join(", ", Columns.Select(c => $"\"{c.Column}\""))}) " +
            $"VALUES {string.Join(", ", Enumerable.Repeat(row, rows))}";
        Check(handle, raw.sqlite3_prepare_v2(handle, sql, out var statement), raw.SQLITE_OK);
        return statement;
    }

    private static void Check(sqlite3 handle, int rc, int expected)
    {
        if (rc != expected)
        {
            SqliteException.ThrowExceptionForRC(rc, handle);
            throw new SqliteException($"SQLite answered {rc}.", rc);
        }
    }

    private static void Text(sqlite3_stmt statement, int index, string? value) =>
        _ = value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text(statement, index, value);

    private static void Integer(sqlite3_stmt statement, int index, long? value) =>
        _ = value is { } v ? raw.sqlite3_bind_int64(statement, index, v) : raw.sqlite3_bind_null(statement, index);

    private static long Bool(bool value) => value ? 1 : 0;

    // EF Core's SqliteDateOnlyTypeMapping / SqliteTimeOnlyTypeMapping / SqliteDecimalTypeMapping formats.
    private static string Date(DateOnly value) => value.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture);

    private static string Time(TimeOnly value) =>
        value.Ticks % TimeSpan.TicksPerSecond == 0
            ? value.ToString(@"HH\:mm\:ss", CultureInfo.InvariantCulture)
            : value.ToString(@"HH\:mm\:ss\.fffffff", CultureInfo.InvariantCulture);

    private static string Decimal(decimal value) => value.ToString("0.0###########################", CultureInfo.InvariantCulture);

    // Microsoft.Data.Sqlite's text for a DateTimeOffset parameter, which EF Core's mapping hands it.
    private static string DateTimeOffsetText(DateTimeOffset value) =>
        value.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}

/// <summary>The bulk path inside a use case's EF Core transaction (the logging pipeline), on the DbContext's own connection.</summary>
internal sealed class SqliteInteractionLogEntryBulkWriter : IInteractionLogEntryBulkWriter
{
    public Task<IReadOnlyList<long>> WriteAsync(ITouchpointDb db, IReadOnlyList<InteractionLogEntry> entries, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The bulk writer runs inside the caller's transaction.");
        }
        var numbers = new List<long>(entries.Count);
        SqliteInteractionLogEntryWriter.Insert(connection, entries, null, numbers, ct);
        return Task.FromResult<IReadOnlyList<long>>(numbers);
    }
}
