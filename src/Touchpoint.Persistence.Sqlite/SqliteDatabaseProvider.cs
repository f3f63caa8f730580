using Microsoft.Extensions.DependencyInjection;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Interactions;
using Touchpoint.Persistence.Sqlite.Contacts;
using Touchpoint.Persistence.Sqlite.Interactions;

namespace Touchpoint.Persistence.Sqlite;

/// <summary>
/// The embedded default: one file in WAL mode, so readers never wait for the writer. synchronous=NORMAL is safe in
/// WAL mode against corruption and is 7× faster per commit than FULL (benchmarks/README.md, "Bare database"); a power cut may lose the last
/// commits, which the PostgreSQL provider is there for.
/// </summary>
public sealed class SqliteDatabaseProvider : IDatabaseProvider
{
    public string Name => "sqlite";

    // A list in a query (codes.Contains(c.No)) goes as one JSON parameter read by json_each, not as one parameter per
    // value (EF Core 10's default): the SQL is then the same for every list, so EF Core generates it once, and a look-up
    // of 5,000 codes is not a statement of 5,000 named parameters (benchmarks/README.md, sections 21 and 23;
    // ListParameterTests).
    public void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, o => o.MigrationsAssembly(typeof(SqliteDatabaseProvider).Assembly.GetName().Name)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(PragmaInterceptor.Instance, SqliteWriteGate.Instance);

    public string DefaultConnectionString(string dataFolder) =>
        new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataFolder, "touchpoint.db"), DefaultTimeout = 30 }.ToString();

    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<IContactSearchIndex, SqliteContactSearchIndex>();
        services.AddSingleton<Core.Segments.ISegmentLogLock, Segments.SqliteSegmentLogLock>();
        services.AddSingleton<IInteractionLogEntryBulkWriter, SqliteInteractionLogEntryBulkWriter>();
        services.AddSingleton<Core.Common.ILargeTransaction, SqliteLargeTransaction>();
        services.AddSingleton<Core.Common.IIdempotencyRecordBulkWriter, Documents.SqliteIdempotencyRecordBulkWriter>();
        services.AddSingleton<Core.Delivery.IDeliverySorterClaims>(new Persistence.Delivery.DeliverySorterClaims(rowLock: ""));
    }

    public Task<IAsyncDisposable> LockForStartupAsync(DbContext db, CancellationToken ct = default) =>
        Task.FromResult<IAsyncDisposable>(NoLock.Instance);

    private sealed class NoLock : IAsyncDisposable
    {
        public static readonly NoLock Instance = new();

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }

    public void Prepare(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:")
        {
            return;
        }
        var file = Path.GetFullPath(builder.DataSource);
        var folder = Path.GetDirectoryName(file);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
        // 0600 before SQLite first writes it: SQLite gives the -wal and -shm files the database file's mode. A file
        // made by an older version (0644) is tightened, its -wal and -shm with it.
        Common.FileModes.CreatePrivate(file);
        foreach (var path in new[] { file, file + "-wal", file + "-shm" })
        {
            Common.FileModes.MakePrivate(path);
        }
        using var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        // WAL is a property of the file: set once, it stays.
        command.CommandText = "PRAGMA journal_mode=WAL;";
        command.ExecuteNonQuery();
    }

    public Task BulkInsertContactsAsync(string connectionString, IEnumerable<Contact> contacts, CancellationToken ct = default)
    {
        SqliteContactWriter.Write(connectionString, contacts, ct);
        return Task.CompletedTask;
    }

    public Task BulkInsertInteractionLogEntriesAsync(string connectionString, IEnumerable<InteractionLogEntry> entries, CancellationToken ct = default) =>
        SqliteInteractionLogEntryWriter.WriteAsync(connectionString, entries, ct);

    private sealed class PragmaInterceptor : DbConnectionInterceptor
    {
        public static readonly PragmaInterceptor Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        // The setting belongs to the physical connection, which the pool keeps across Open/Close: set it once per
        // handle rather than before every query (EF Core opens and closes the connection per query).
        private static readonly ConditionalWeakTable<SQLitePCL.sqlite3, object> Done = [];

        private static void Apply(DbConnection connection)
        {
            // SQLite's own upper() changes ASCII letters only, so "Kramlöv" and "KRAMLÖV" would not be the same city to a
            // case-insensitive filter; .NET's upper-casing is the one the filter values get, and PostgreSQL's upper() agrees.
            // On every open, not once per handle: closing a pooled connection takes its functions off the handle, and
            // with them SQLite's own upper(), which the override replaced (a connection opened outside EF Core has none).
            ((SqliteConnection)connection).CreateFunction("upper", (string? text) => text?.ToUpperInvariant(), isDeterministic: true);
            if (((SqliteConnection)connection).Handle is not { } handle || Done.TryGetValue(handle, out _))
            {
                return;
            }
            Done.AddOrUpdate(handle, handle);
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous=NORMAL;";
            command.ExecuteNonQuery();
        }
    }
}
