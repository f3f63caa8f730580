using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Persistence;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Persistence;

/// <summary>
/// What the SQLite provider promises for every connection of the app: WAL and synchronous=NORMAL however often the
/// pooled connection is opened, and transactions that queue for the one writer instead of sleeping in SQLite's busy
/// handler, let go even when a transaction is abandoned without commit or rollback.
/// </summary>
public sealed class SqliteConnectionTests : IDisposable
{
    private readonly TouchpointApp _app = new("sqlite");

    public void Dispose() => _app.Dispose();

    private static async Task<long> PragmaAsync(TouchpointDbContext db, string pragma)
    {
        // Opened the way the app opens it (through EF, so the interceptors run): DbConnection.OpenAsync would bypass
        // them, and the pool could then hand back a physical connection the app itself never opened.
        await db.Database.OpenConnectionAsync();
        var connection = db.Database.GetDbConnection();
        try
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"PRAGMA {pragma}";
            var value = await command.ExecuteScalarAsync();
            return value is string text ? (text == "wal" ? 1 : 0) : Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task Every_connection_is_in_wal_mode_with_synchronous_normal_each_time_it_is_opened()
    {
        for (var i = 0; i < 5; i++)
        {
            await _app.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<TouchpointDbContext>();
                Assert.Equal(1, await PragmaAsync(db, "synchronous")); // 1 = NORMAL
                Assert.Equal(1, await PragmaAsync(db, "journal_mode"));
                // An EF query in between opens and closes the pooled connection again.
                await db.Contacts.CountAsync();
                Assert.Equal(1, await PragmaAsync(db, "synchronous"));
                return true;
            });
        }
    }

    [Fact]
    public async Task A_transaction_abandoned_without_commit_or_rollback_does_not_hold_up_the_next_writer()
    {
        await _app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ITouchpointDb>();
            var transaction = await db.Database.BeginTransactionAsync();
            await db.NoSeries.Where(s => s.Code == "NONE").ExecuteUpdateAsync(s => s.SetProperty(n => n.Description, "x"));
            await transaction.DisposeAsync(); // as `await using` does when the work throws
            return true;
        });
        // Were the gate still held, this would wait for the connection's 30 s timeout: a hang guard, not a speed check.
        await _app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ITouchpointDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.NoSeries.Where(s => s.Code == "NONE").ExecuteUpdateAsync(s => s.SetProperty(n => n.Description, "y"));
            await transaction.CommitAsync();
            return true;
        }).WaitAsync(TimeSpan.FromSeconds(20));
    }

    [Fact]
    public async Task Many_concurrent_writers_all_get_through()
    {
        var tasks = Enumerable.Range(0, 40).Select(i => _app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ITouchpointDb>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var count = await db.NoSeries.CountAsync();
            await db.NoSeries.Where(s => s.Code == "NONE").ExecuteUpdateAsync(s => s.SetProperty(n => n.Description, $"w{i}"));
            if (i % 5 == 0)
            {
                await transaction.RollbackAsync();
                return count;
            }
            await transaction.CommitAsync();
            return count;
        }));
        var counts = await Task.WhenAll(tasks).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.All(counts, c => Assert.True(c > 0));
    }

    [Fact]
    public async Task A_request_canceled_after_it_got_its_turn_but_before_begin_lets_the_next_writer_in()
    {
        // A client that hangs up (wrk at the end of a run, a browser tab closed) cancels its request's token; landing
        // between the gate's turn and SQLite's BEGIN, that once left the gate held and every later writer waiting.
        var file = Path.Combine(Path.GetTempPath(), $"touchpoint-gate-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={file};Default Timeout=3;Pooling=False";
        var cancelAtBegin = new CancelAtBegin();
        var services = new ServiceCollection();
        services.AddDbContextPool<TouchpointDbContext>(o =>
        {
            new Touchpoint.Persistence.Sqlite.SqliteDatabaseProvider().Configure(o, connectionString);
            o.AddInterceptors(cancelAtBegin); // after the gate: runs once the turn is taken
        });
        await using var provider = services.BuildServiceProvider();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                await using (var scope = provider.CreateAsyncScope())
                {
                    using var cts = new CancellationTokenSource();
                    cancelAtBegin.Source = cts;
                    var db = scope.ServiceProvider.GetRequiredService<TouchpointDbContext>();
                    // Its transaction begins or not (the turn was taken before the cancel); either way the request's
                    // next step fails on the canceled token and its scope ends with nothing committed.
                    await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
                    {
                        await db.Database.BeginTransactionAsync(cts.Token);
                        await db.NoSeries.CountAsync(cts.Token);
                    });
                    cancelAtBegin.Source = null;
                }
                // The next request, on the pooled context and on a context of its own: each gets its turn at once.
                await using (var scope = provider.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<TouchpointDbContext>();
                    await using var transaction = await db.Database.BeginTransactionAsync();
                    await transaction.CommitAsync();
                }
                var options = new DbContextOptionsBuilder<TouchpointDbContext>();
                new Touchpoint.Persistence.Sqlite.SqliteDatabaseProvider().Configure(options, connectionString);
                await using (var other = new TouchpointDbContext(options.Options))
                {
                    await using var transaction = await other.Database.BeginTransactionAsync();
                    await transaction.CommitAsync();
                }
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Cancels the request's token at the moment its transaction is about to begin.</summary>
    private sealed class CancelAtBegin : Microsoft.EntityFrameworkCore.Diagnostics.DbTransactionInterceptor
    {
        public CancellationTokenSource? Source { get; set; }

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbTransaction>> TransactionStartingAsync(
            System.Data.Common.DbConnection connection, Microsoft.EntityFrameworkCore.Diagnostics.TransactionStartingEventData eventData,
            Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbTransaction> result, CancellationToken cancellationToken = default)
        {
            if (Source is { } source)
            {
                await source.CancelAsync();
            }
            return result;
        }
    }
}
