using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Touchpoint.Benchmarks.Interactions;

/// <summary>
/// The bare database's side of benchmarks/post-interactions.sh and benchmarks/delete-canceled.sh (not BenchmarkDotNet:
/// they measure throughput under concurrency). The two inserts run <see cref="RunLoopsAsync"/>: THREADS loops, each
/// inserting as soon as its last insert committed, for a warm-up of a tenth of SECONDS and then SECONDS measured; they
/// print the inserts per second and the latency median, P95 and maximum.
/// <list type="bullet">
/// <item><c>bare-insert SQLITE_FILE THREADS SECONDS</c>: the same database without the app: THREADS connections each
/// insert one copy of an existing log entry per transaction (BEGIN IMMEDIATE … COMMIT, WAL, synchronous=NORMAL, as the
/// app's connections), into the same table with the same indexes, for SECONDS.</item>
/// <item><c>bare-insert-pg CONNECTION_STRING THREADS SECONDS</c>: the same on PostgreSQL: THREADS connections each
/// insert one copy of an existing log entry per statement (its own transaction, committed), the key from its identity
/// column, for SECONDS.</item>
/// <item><c>bare-delete SQLITE_FILE</c>: for benchmarks/delete-canceled.sh, the bare database's side: one
/// <c>DELETE FROM "InteractionLogEntries" WHERE "Canceled" AND NOT "Postponed"</c> in one transaction, through the same
/// SQLite library as the app, timed from opening the connection to the commit.</item>
/// </list>
/// </summary>
public static class PostInteractionsLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        switch (args)
        {
            case ["bare-insert", var file, var threads, var seconds]:
                await BareInsertAsync(file, int.Parse(threads, CultureInfo.InvariantCulture), int.Parse(seconds, CultureInfo.InvariantCulture));
                return 0;
            case ["bare-insert-pg", var connectionString, var threads, var seconds]:
                await BareInsertPostgresAsync(connectionString, int.Parse(threads, CultureInfo.InvariantCulture), int.Parse(seconds, CultureInfo.InvariantCulture));
                return 0;
            case ["bare-delete", var file]:
                BareDelete(file);
                return 0;
            default:
                await Console.Error.WriteLineAsync("usage: bare-insert SQLITE_FILE THREADS SECONDS | bare-insert-pg CONNECTION_STRING THREADS SECONDS | bare-delete SQLITE_FILE");
                return 2;
        }
    }

    private static async Task BareInsertAsync(string file, int threads, int seconds)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, DefaultTimeout = 30 }.ToString();
        long maxEntryNo;
        using (var connection = new SqliteConnection(connectionString))
        {
            connection.Open();
            using var max = connection.CreateCommand();
            max.CommandText = "SELECT MAX(\"EntryNo\") FROM \"InteractionLogEntries\"";
            maxEntryNo = (long)max.ExecuteScalar()!;
        }
        var columns = Columns(connectionString);
        var connections = new List<SqliteConnection>();
        try
        {
            await RunLoopsAsync("bare INSERT, one per transaction", threads, seconds, t =>
            {
                // Synthetic load: a plain seeded Random per connection.
#pragma warning disable CA5394
                var random = new Random(t);
                var connection = new SqliteConnection(connectionString);
                lock (connections)
                {
                    connections.Add(connection);
                }
                connection.Open();
                using (var pragma = connection.CreateCommand())
                {
                    pragma.CommandText = Environment.GetEnvironmentVariable("BARE_PRAGMAS") ?? "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";
                    pragma.ExecuteNonQuery();
                }
                var insert = connection.CreateCommand();
                insert.CommandText = $"INSERT INTO \"InteractionLogEntries\" ({columns}) SELECT {columns} FROM \"InteractionLogEntries\" WHERE \"EntryNo\" = $n";
                var n = insert.Parameters.Add("$n", SqliteType.Integer);
                // Synchronous, as Microsoft.Data.Sqlite is: each loop keeps the thread it started on.
                return Task.FromResult<Func<Task>>(() =>
                {
                    using var transaction = connection.BeginTransaction();
                    insert.Transaction = transaction;
                    n.Value = 1 + random.NextInt64(maxEntryNo);
#pragma warning restore CA5394
                    insert.ExecuteNonQuery();
                    transaction.Commit();
                    return Task.CompletedTask;
                });
            });
        }
        finally
        {
            connections.ForEach(c => c.Dispose());
        }
    }

    private static async Task BareInsertPostgresAsync(string connectionString, int threads, int seconds)
    {
        long maxEntryNo;
        var names = new List<string>();
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using (var max = new NpgsqlCommand("""SELECT MAX("EntryNo") FROM "InteractionLogEntries" """, connection))
            {
                maxEntryNo = (long)(await max.ExecuteScalarAsync())!;
            }
            await using var info = new NpgsqlCommand(
                "SELECT column_name FROM information_schema.columns WHERE table_name = 'InteractionLogEntries' AND column_name <> 'EntryNo' ORDER BY ordinal_position",
                connection);
            await using var reader = await info.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add($"\"{reader.GetString(0)}\"");
            }
        }
        var columns = string.Join(", ", names);
        var connections = new List<NpgsqlConnection>();
        try
        {
            await RunLoopsAsync("bare INSERT, one per transaction", threads, seconds, async t =>
            {
#pragma warning disable CA5394
                var random = new Random(t);
                var connection = new NpgsqlConnection(connectionString);
                lock (connections)
                {
                    connections.Add(connection);
                }
                await connection.OpenAsync();
                var insert = new NpgsqlCommand(
                    $"INSERT INTO \"InteractionLogEntries\" ({columns}) SELECT {columns} FROM \"InteractionLogEntries\" WHERE \"EntryNo\" = $1", connection);
                var n = new NpgsqlParameter<long>();
                insert.Parameters.Add(n);
                await insert.PrepareAsync();
                return async () =>
                {
                    n.TypedValue = 1 + random.NextInt64(maxEntryNo);
#pragma warning restore CA5394
                    await insert.ExecuteNonQueryAsync();
                };
            });
        }
        finally
        {
            foreach (var connection in connections)
            {
                await connection.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// THREADS loops, each on a thread of its own (an async step continues where its awaits take it), made by
    /// <paramref name="start"/> and then running its step again as soon as the last one returned, for a warm-up of a
    /// tenth of SECONDS and SECONDS measured; prints what <see cref="Report"/> makes of the measured steps' latencies.
    /// </summary>
    private static async Task RunLoopsAsync(string what, int threads, int seconds, Func<int, Task<Func<Task>>> start)
    {
        var warmup = TimeSpan.FromSeconds(Math.Max(1, seconds / 10));
        var measured = TimeSpan.FromSeconds(seconds);
        var begun = Stopwatch.GetTimestamp();
        var latencies = new List<double>[threads];
        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Factory.StartNew(async () =>
        {
            var step = await start(t);
            var mine = latencies[t] = new List<double>(200_000);
            while (Stopwatch.GetElapsedTime(begun) is var elapsed && elapsed < warmup + measured)
            {
                var sent = Stopwatch.GetTimestamp();
                await step();
                if (elapsed >= warmup)
                {
                    mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default).Unwrap()));
        Report(what, latencies.SelectMany(l => l).Order().ToList(), measured);
    }

    private static void BareDelete(string file)
    {
        var watch = Stopwatch.StartNew();
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, DefaultTimeout = 600 }.ToString());
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA synchronous=NORMAL;";
            pragma.ExecuteNonQuery();
        }
        using var transaction = connection.BeginTransaction();
        using var delete = connection.CreateCommand();
        delete.Transaction = transaction;
        delete.CommandTimeout = 0;
        delete.CommandText = "DELETE FROM \"InteractionLogEntries\" WHERE \"Canceled\" AND NOT \"Postponed\"";
        var deleted = delete.ExecuteNonQuery();
        transaction.Commit();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"bare DELETE: {deleted:N0} entries in {watch.Elapsed.TotalSeconds:F2} s"));
    }

    /// <summary>Every column but the key, so that the copy gets a new entry no.</summary>
    private static string Columns(string connectionString)
    {
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var info = connection.CreateCommand();
        info.CommandText = "SELECT name FROM pragma_table_info('InteractionLogEntries') WHERE name <> 'EntryNo'";
        var names = new List<string>();
        using var reader = info.ExecuteReader();
        while (reader.Read())
        {
            names.Add($"\"{reader.GetString(0)}\"");
        }
        return string.Join(", ", names);
    }

    private static void Report(string what, List<double> sorted, TimeSpan measured)
    {
        if (sorted.Count == 0)
        {
            Console.WriteLine($"{what}: nothing done");
            return;
        }
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)(q * sorted.Count))];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what}: {sorted.Count / measured.TotalSeconds:N0}/s over {measured.TotalSeconds:N0} s ({sorted.Count:N0} done); latency median {At(0.5):F2} ms, P95 {At(0.95):F2} ms, max {sorted[^1]:F2} ms"));
    }
}
