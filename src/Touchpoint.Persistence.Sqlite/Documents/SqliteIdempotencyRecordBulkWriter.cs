using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using static Touchpoint.Persistence.Sqlite.SqliteValues;

namespace Touchpoint.Persistence.Sqlite.Documents;

/// <summary>
/// The SQLite bulk path for idempotency records, in the caller's transaction: the INSERT of many rows the entries use
/// (one prepared INSERT per row took three times what SQLite needs for them: benchmarks/README.md, section 22). The
/// values are bound as EF Core stores them (IdempotencyRecordConfiguration, Initial migration): DateTimeOffset in
/// Microsoft.Data.Sqlite's text format.
/// </summary>
internal sealed class SqliteIdempotencyRecordBulkWriter : IIdempotencyRecordBulkWriter
{
    private static readonly SqliteMultiRowInsert<IdempotencyRecord> Rows = new("IdempotencyRecords",
    [
        ("Key", (s, i, r) => Text(s, i, r.Key)),
        ("Scope", (s, i, r) => Text(s, i, r.Scope)),
        ("RequestHash", (s, i, r) => Text(s, i, r.RequestHash)),
        ("CreatedAt", (s, i, r) => Text(s, i, DateTimeOffsetText(r.CreatedAt))),
        ("EntryNo", (s, i, r) => Integer(s, i, r.EntryNo)),
        ("Reason", (s, i, r) => Text(s, i, r.Reason)),
    ]);

    // SQLite does its I/O synchronously whatever the API.
    public Task WriteAsync(ITouchpointDb db, IReadOnlyList<IdempotencyRecord> records, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The bulk writer runs inside the caller's transaction.");
        }
        Rows.Insert((SqliteConnection)db.Database.GetDbConnection(), records, null, ct);
        return Task.CompletedTask;
    }
}
