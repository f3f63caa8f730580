using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;
using Touchpoint.Core.Common;

namespace Touchpoint.Persistence.PostgreSql.Documents;

/// <summary>
/// The PostgreSQL bulk path for idempotency records: one binary COPY on the DbContext's connection, inside the caller's
/// transaction. The columns follow IdempotencyRecordConfiguration and the PostgreSQL Initial migration.
/// </summary>
internal sealed class PostgreSqlIdempotencyRecordBulkWriter : IIdempotencyRecordBulkWriter
{
    public async Task WriteAsync(ITouchpointDb db, IReadOnlyList<IdempotencyRecord> records, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using var copy = await connection.BeginBinaryImportAsync(
            "COPY \"IdempotencyRecords\" (\"Key\", \"Scope\", \"RequestHash\", \"CreatedAt\", \"EntryNo\", \"Reason\") FROM STDIN (FORMAT BINARY)", ct);
        foreach (var record in records)
        {
            // Synchronous writes fill Npgsql's buffer, as the entries' COPY does; awaiting each value costs more.
            copy.StartRow();
            copy.Write(record.Key, NpgsqlDbType.Varchar);
            copy.Write(record.Scope, NpgsqlDbType.Varchar);
            copy.Write(record.RequestHash, NpgsqlDbType.Varchar);
            // timestamptz takes UTC only, as EF Core's Npgsql mapping does.
            copy.Write(record.CreatedAt.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            if (record.EntryNo is { } entryNo)
            {
                copy.Write(entryNo, NpgsqlDbType.Bigint);
            }
            else
            {
                copy.WriteNull();
            }
            if (record.Reason is { } reason)
            {
                copy.Write(reason, NpgsqlDbType.Varchar);
            }
            else
            {
                copy.WriteNull();
            }
        }
        await copy.CompleteAsync(ct);
    }
}
