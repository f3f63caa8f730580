using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core;
using Touchpoint.Persistence;
using Touchpoint.Persistence.PostgreSql;
using Touchpoint.Persistence.Sqlite;

namespace Touchpoint.Benchmarks;

/// <summary>
/// The prepared databases the benchmarks read: a SQLite file (TOUCHPOINT_BENCH_SQLITE, by default
/// /tmp/touchpoint-bench/touchpoint.db) and, when TOUCHPOINT_BENCH_PG holds a connection string, PostgreSQL. Both
/// are filled beforehand by <c>touchpoint demo generate</c> (benchmarks/contacts-list.sh does it).
/// </summary>
public static class BenchmarkDatabase
{
    public const string Sqlite = "sqlite";
    public const string PostgreSql = "postgres";
    public const int ExpectedContacts = 100_000;

    public static string SqlitePath =>
        Environment.GetEnvironmentVariable("TOUCHPOINT_BENCH_SQLITE") is { Length: > 0 } path
            ? path
            : Path.Combine(Path.GetTempPath(), "touchpoint-bench", "touchpoint.db");

    /// <summary>
    /// The interaction log's SQLite file (TOUCHPOINT_BENCH_SQLITE_LOG, by default /tmp/touchpoint-bench-log/touchpoint.db),
    /// filled by benchmarks/interaction-log.sh.
    /// </summary>
    public static string SqliteLogPath =>
        Environment.GetEnvironmentVariable("TOUCHPOINT_BENCH_SQLITE_LOG") is { Length: > 0 } path
            ? path
            : Path.Combine(Path.GetTempPath(), "touchpoint-bench-log", "touchpoint.db");

    /// <summary>The fewest interaction log entries the log benchmarks accept (ENTRIES may raise it, not lower it).</summary>
    public const int ExpectedLogEntries = 1_000_000;

    public static string? PostgreSqlConnectionString =>
        Environment.GetEnvironmentVariable("TOUCHPOINT_BENCH_PG") is { Length: > 0 } cs ? cs : null;

    /// <summary>The databases to measure: SQLite always, PostgreSQL when it is configured.</summary>
    public static IEnumerable<string> Available() =>
        PostgreSqlConnectionString is null ? [Sqlite] : [Sqlite, PostgreSql];

    /// <summary>The app's own registrations (persistence, use cases), pointed at the prepared database.</summary>
    public static ServiceProvider Services(string database, Action<IServiceCollection>? more = null, string? sqlitePath = null)
    {
        sqlitePath ??= SqlitePath;
        var connectionString = database == Sqlite
            ? $"Data Source={sqlitePath};Mode=ReadWrite"
            : PostgreSqlConnectionString ?? throw new InvalidOperationException("TOUCHPOINT_BENCH_PG is not set.");
        if (database == Sqlite && !File.Exists(sqlitePath))
        {
            throw new InvalidOperationException($"{sqlitePath} does not exist: run benchmarks/contacts-list.sh (or interaction-log.sh), which prepares it.");
        }
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Touchpoint:Database:Provider"] = database,
                ["ConnectionStrings:Touchpoint"] = connectionString,
            })
            .Build();
        var services = new ServiceCollection();
        services.AddTouchpointPersistence(configuration, [new SqliteDatabaseProvider(), new PostgreSqlDatabaseProvider()]);
        services.AddTouchpointUseCases();
        more?.Invoke(services);
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// Deletes the benchmark databases (the SQLite file; the PostgreSQL database TOUCHPOINT_BENCH_PG names), so that
    /// contacts-list.sh makes them anew with the CLI.
    /// </summary>
    public static async Task ResetAsync()
    {
        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            // On a fresh machine the folder does not exist yet: nothing to delete.
            if (File.Exists(SqlitePath + suffix))
            {
                File.Delete(SqlitePath + suffix);
            }
        }
        Console.WriteLine($"Deleted {SqlitePath}");
        if (PostgreSqlConnectionString is not null)
        {
            // The app's DbContext can drop its own database; no psql needed on the machine.
            var options = new DbContextOptionsBuilder<TouchpointDbContext>();
            new PostgreSqlDatabaseProvider().Configure(options, PostgreSqlConnectionString);
            await using var db = new TouchpointDbContext(options.Options);
            await db.Database.EnsureDeletedAsync();
            Console.WriteLine($"Dropped the PostgreSQL database {db.Database.GetDbConnection().Database}");
        }
    }

    public static async Task RequireContactsAsync(IServiceProvider services, string database)
    {
        await using var scope = services.CreateAsyncScope();
        var count = await scope.ServiceProvider.GetRequiredService<TouchpointDbContext>().Contacts.CountAsync();
        if (count < ExpectedContacts)
        {
            throw new InvalidOperationException(
                $"The {database} benchmark database has {count:N0} contacts, not {ExpectedContacts:N0}: run benchmarks/contacts-list.sh, which prepares it.");
        }
    }
}
