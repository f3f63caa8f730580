using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Touchpoint.Core.Common;

namespace Touchpoint.Persistence.Sqlite.Documents;

/// <summary>
/// The SQLite bulk path for idempotency records: one prepared INSERT reused per row, in the caller's transaction. The
/// values are bound as EF Core stores them (IdempotencyRecordConfiguration, Initial migration):
/// DateTimeOffset in Microsoft.Data.Sqlite's text format.
/// </summary>
internal sealed class SqliteIdempotencyRecordBulkWriter : IIdempotencyRecordBulkWriter
{
    // SQLite does its I/O synchronously whatever the API; the async overloads would only add a Task per row.
    public Task WriteAsync(ITouchpointDb db, IReadOnlyList<IdempotencyRecord> records, CancellationToken ct)
    {
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        using var insert = connection.CreateCommand();
        insert.Transaction = (SqliteTransaction)(db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The bulk writer runs inside the caller's transaction."));
        insert.CommandText =
            "INSERT INTO \"IdempotencyRecords\" (\"Key\", \"Scope\", \"RequestHash\", \"CreatedAt\", \"EntryNo\", \"Reason\") " +
            "VALUES ($key, $scope, $hash, $createdAt, $entryNo, $reason)";
        var key = insert.Parameters.Add("$key", SqliteType.Text);
        var scope = insert.Parameters.Add("$scope", SqliteType.Text);
        var hash = insert.Parameters.Add("$hash", SqliteType.Text);
        var createdAt = insert.Parameters.Add("$createdAt", SqliteType.Text);
        var entryNo = insert.Parameters.Add("$entryNo", SqliteType.Integer);
        var reason = insert.Parameters.Add("$reason", SqliteType.Text);
        insert.Prepare();
        foreach (var record in records)
        {
            ct.ThrowIfCancellationRequested();
            key.Value = record.Key;
            scope.Value = record.Scope;
            hash.Value = record.RequestHash;
            createdAt.Value = record.CreatedAt;
            entryNo.Value = record.EntryNo is { } no ? no : DBNull.Value;
            reason.Value = (object?)record.Reason ?? DBNull.Value;
            insert.ExecuteNonQuery();
        }
        return Task.CompletedTask;
    }
}
