using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Persistence.Sqlite.Interactions;

/// <summary>
/// The SQLite bulk path for interaction log entries: one transaction, one prepared INSERT whose parameters are reset
/// per row (see benchmarks/README.md). The columns follow InteractionLogEntryConfiguration and the Initial migration; EntryNo
/// is left to the AUTOINCREMENT key. Values are bound exactly as EF Core stores them, checked against rows EF saved:
/// enums as their number, booleans as 0/1, DateOnly as 'yyyy-MM-dd', TimeOnly as 'HH:mm:ss' (with seven fraction
/// digits only when it has a fraction), decimal as EF's invariant "0.0###…" text ('8.0', '1.5'), DateTimeOffset in
/// Microsoft.Data.Sqlite's text format, which EF Core uses too.
/// </summary>
internal static class SqliteInteractionLogEntryWriter
{
    private static readonly (string Column, SqliteType Type, Func<InteractionLogEntry, object?> Value)[] Columns =
    [
        ("ContactNo", SqliteType.Text, e => e.ContactNo),
        ("ContactCompanyNo", SqliteType.Text, e => e.ContactCompanyNo),
        ("Date", SqliteType.Text, e => Date(e.Date)),
        ("TimeOfInteraction", SqliteType.Text, e => Time(e.TimeOfInteraction)),
        ("Description", SqliteType.Text, e => e.Description),
        ("Subject", SqliteType.Text, e => e.Subject),
        ("InformationFlow", SqliteType.Integer, e => (int)e.InformationFlow),
        ("InitiatedBy", SqliteType.Integer, e => (int)e.InitiatedBy),
        ("AttachmentNo", SqliteType.Integer, e => e.AttachmentNo),
        ("CostLcy", SqliteType.Text, e => Decimal(e.CostLcy)),
        ("DurationMin", SqliteType.Text, e => Decimal(e.DurationMin)),
        ("UserId", SqliteType.Text, e => e.UserId),
        ("InteractionGroupCode", SqliteType.Text, e => e.InteractionGroupCode),
        ("InteractionTemplateCode", SqliteType.Text, e => e.InteractionTemplateCode),
        ("CampaignNo", SqliteType.Text, e => e.CampaignNo),
        ("CampaignEntryNo", SqliteType.Integer, e => e.CampaignEntryNo),
        ("CampaignResponse", SqliteType.Integer, e => Bool(e.CampaignResponse)),
        ("CampaignTarget", SqliteType.Integer, e => Bool(e.CampaignTarget)),
        ("SegmentNo", SqliteType.Text, e => e.SegmentNo),
        ("LoggedSegmentEntryNo", SqliteType.Integer, e => e.LoggedSegmentEntryNo),
        ("Evaluation", SqliteType.Integer, e => (int)e.Evaluation),
        ("AttemptFailed", SqliteType.Integer, e => Bool(e.AttemptFailed)),
        ("SalespersonCode", SqliteType.Text, e => e.SalespersonCode),
        ("DeliveryStatus", SqliteType.Integer, e => (int)e.DeliveryStatus),
        ("Canceled", SqliteType.Integer, e => Bool(e.Canceled)),
        ("CorrespondenceType", SqliteType.Integer, e => (int)e.CorrespondenceType),
        ("DocumentType", SqliteType.Integer, e => (int)e.DocumentType),
        ("DocumentNo", SqliteType.Text, e => e.DocumentNo),
        ("VersionNo", SqliteType.Integer, e => e.VersionNo),
        ("DocNoOccurrence", SqliteType.Integer, e => e.DocNoOccurrence),
        ("ContactVia", SqliteType.Text, e => e.ContactVia),
        ("InteractionLanguageCode", SqliteType.Text, e => e.InteractionLanguageCode),
        ("OpportunityNo", SqliteType.Text, e => e.OpportunityNo),
        ("Postponed", SqliteType.Integer, e => Bool(e.Postponed)),
        ("HasComments", SqliteType.Integer, e => Bool(e.HasComments)),
        ("CanceledBy", SqliteType.Text, e => e.CanceledBy),
        ("CanceledAt", SqliteType.Text, e => e.CanceledAt),
    ];

    private static readonly object True = 1;
    private static readonly object False = 0;

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
        Insert(connection, transaction, entries, totals, numbers: null, ct);
        // The entries' statistics (InteractionTotals) in the same transaction.
        await totals.SaveAsync(connection, transaction, ct);
        transaction.Commit();
    }

    /// <summary>
    /// The rows only, on a connection and transaction the caller holds; <paramref name="totals"/> collects their statistics
    /// when given; <paramref name="numbers"/>, when given, the numbers SQLite gave the rows, in their order: the rowid of each insert, which is the
    /// AUTOINCREMENT key, read from the connection without another statement.
    /// </summary>
    public static void Insert(SqliteConnection connection, SqliteTransaction transaction, IEnumerable<InteractionLogEntry> entries,
        InteractionTotals? totals, List<long>? numbers, CancellationToken ct)
    {
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = InsertSql;
        var parameters = Columns.Select((c, i) => insert.Parameters.Add($"$p{i}", c.Type)).ToArray();
        insert.Prepare();
        foreach (var entry in entries)
        {
            ct.ThrowIfCancellationRequested();
            totals?.AddIfCounted(entry);
            for (var i = 0; i < Columns.Length; i++)
            {
                parameters[i].Value = Columns[i].Value(entry) ?? DBNull.Value;
            }
            insert.ExecuteNonQuery();
            numbers?.Add(SQLitePCL.raw.sqlite3_last_insert_rowid(connection.Handle));
        }
    }

    private static readonly string InsertSql =
        $"INSERT INTO \"InteractionLogEntries\" ({string.Join(", ", Columns.Select(c => $"\"{c.Column}\""))}) " +
        $"VALUES ({string.Join(", ", Columns.Select((_, i) => $"$p{i}"))})";

    private static object Bool(bool value) => value ? True : False;

    // EF Core's SqliteDateOnlyTypeMapping / SqliteTimeOnlyTypeMapping / SqliteDecimalTypeMapping formats.
    private static string Date(DateOnly value) => value.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture);

    private static string Time(TimeOnly value) =>
        value.Ticks % TimeSpan.TicksPerSecond == 0
            ? value.ToString(@"HH\:mm\:ss", CultureInfo.InvariantCulture)
            : value.ToString(@"HH\:mm\:ss\.fffffff", CultureInfo.InvariantCulture);

    private static string Decimal(decimal value) => value.ToString("0.0###########################", CultureInfo.InvariantCulture);
}

/// <summary>The bulk path inside a use case's EF Core transaction (the logging pipeline), on the DbContext's own connection.</summary>
internal sealed class SqliteInteractionLogEntryBulkWriter : IInteractionLogEntryBulkWriter
{
    public Task<IReadOnlyList<long>> WriteAsync(ITouchpointDb db, IReadOnlyList<InteractionLogEntry> entries, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = (SqliteTransaction)(db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The bulk writer runs inside the caller's transaction."));
        var numbers = new List<long>(entries.Count);
        SqliteInteractionLogEntryWriter.Insert(connection, transaction, entries, null, numbers, ct);
        return Task.FromResult<IReadOnlyList<long>>(numbers);
    }
}
