using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Touchpoint.Persistence.Sqlite;

/// <summary>
/// SQLite's bulk path for a table: one prepared INSERT of many rows reused, its values bound by position straight
/// through SQLite's own API (see benchmarks/README.md, sections 10 and 22). A statement's own cost (step, reset, the
/// B-tree descent it starts) is then paid once per <see cref="RowsPerInsert"/> rows. Binding by position matters:
/// Microsoft.Data.Sqlite binds each value by name, and SQLite finds a name by walking the statement's list of names,
/// which for thousands of values costs more than the whole insert.
/// </summary>
internal sealed class SqliteMultiRowInsert<T>(string table, IReadOnlyList<(string Column, Action<sqlite3_stmt, int, T> Bind)> columns)
{
    /// <summary>100 rows of up to 37 values stay far below SQLite's limit of 32,766 values per statement.</summary>
    public const int RowsPerInsert = 100;

    /// <summary>
    /// The rows, on a connection whose transaction the caller holds. <paramref name="inserted"/>, when given, is told
    /// each statement's rows and the rowid SQLite gave the last of them.
    /// </summary>
    public void Insert(SqliteConnection connection, IEnumerable<T> rows, Action<T[], long>? inserted, CancellationToken ct)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        // Prepared when first needed: a batch of a few rows must not pay for parsing the 100-row statement.
        sqlite3_stmt? full = null;
        sqlite3_stmt? rest = null;
        try
        {
            foreach (var chunk in rows.Chunk(RowsPerInsert))
            {
                ct.ThrowIfCancellationRequested();
                var insert = chunk.Length == RowsPerInsert ? full ??= Prepare(handle, RowsPerInsert) : rest = Prepare(handle, chunk.Length);
                var index = 1;
                foreach (var row in chunk)
                {
                    foreach (var column in columns)
                    {
                        column.Bind(insert, index++, row);
                    }
                }
                Check(handle, raw.sqlite3_step(insert), raw.SQLITE_DONE);
                Check(handle, raw.sqlite3_reset(insert), raw.SQLITE_OK);
                inserted?.Invoke(chunk, raw.sqlite3_last_insert_rowid(handle));
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
    /// every page the statement touches (every index's), spilled to a temporary file. For 100,000 entries that was
    /// 2.6 GB of writes and doubled the bulk path (measured: 5.3 s → 2.6 s). FAIL keeps the rows written before the
    /// failing one, which costs nothing here: every caller rolls its whole transaction back on any failure.
    /// </summary>
    private sqlite3_stmt Prepare(sqlite3 handle, int rowCount)
    {
        var row = $"({string.Join(", ", Enumerable.Repeat("?", columns.Count))})";
        var sql = $"INSERT OR FAIL INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) " +
            $"VALUES {string.Join(", ", Enumerable.Repeat(row, rowCount))}";
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
}
