using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;
using static Touchpoint.Persistence.Sqlite.SqliteValues;

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
    private static readonly SqliteMultiRowInsert<InteractionLogEntry> Rows = new("InteractionLogEntries",
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
    ]);

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
        Rows.Insert(connection, CountedAsWritten(entries, totals), numbers is null ? null : (rows, last) =>
        {
            // The rows of one INSERT are numbered one after another, the last of them being the last rowid: SQLite lets
            // one connection write at a time, a statement runs to its end before any other writes, and AUTOINCREMENT
            // gives each new row one more than the largest key ever used (it never fills gaps, and it fails rather than
            // wrap around). So the first row has last − count + 1.
            for (var r = rows.Length - 1; r >= 0; r--)
            {
                numbers.Add(last - r);
            }
        }, ct);
    }

    private static IEnumerable<InteractionLogEntry> CountedAsWritten(IEnumerable<InteractionLogEntry> entries, InteractionTotals? totals)
    {
        foreach (var entry in entries)
        {
            totals?.AddIfCounted(entry);
            yield return entry;
        }
    }
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
