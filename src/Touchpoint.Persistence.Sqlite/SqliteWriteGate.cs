using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Touchpoint.Persistence.Sqlite;

/// <summary>
/// SQLite lets one transaction write at a time; the others get SQLITE_BUSY and its busy handler retries them after
/// sleeps of 1, 2, 5, 10 … 100 ms. Under concurrent requests that sleeping, not the work, sets the pace (measured: 250
/// interactions/s with 8 clients, P95 170 ms). So the app's transactions on one database file queue here, in process,
/// before they begin: each starts as soon as the one before it ends. A transaction is let go when it commits, rolls
/// back or fails, and at the latest when its connection closes (a transaction disposed unfinished).
/// </summary>
internal sealed class SqliteWriteGate : DbTransactionInterceptor, IDbConnectionInterceptor
{
    public static readonly SqliteWriteGate Instance = new();

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    // The gate a connection holds while its transaction runs.
    private static readonly ConditionalWeakTable<DbConnection, SemaphoreSlim> Held = [];

    private static SemaphoreSlim GateOf(DbConnection connection) =>
        Gates.GetOrAdd(Path.GetFullPath(((SqliteConnection)connection).DataSource), _ => new SemaphoreSlim(1, 1));

    private static TimeSpan Timeout(DbConnection connection) =>
        TimeSpan.FromSeconds(((SqliteConnection)connection).DefaultTimeout);

    public override InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result)
    {
        var gate = GateOf(connection);
        if (!gate.Wait(Timeout(connection)))
        {
            throw Busy();
        }
        return Begin(connection, gate, eventData);
    }

    public override async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection,
        TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        var gate = GateOf(connection);
        if (!await gate.WaitAsync(Timeout(connection), cancellationToken))
        {
            throw Busy();
        }
        return Begin(connection, gate, eventData);
    }

    /// <summary>
    /// Begins the transaction right here, with the turn just taken, instead of leaving it to EF: EF's BeginTransaction
    /// would still look at the request's token, and a request canceled in between (a client hanging up) then got no
    /// transaction whose end lets the turn go, while its pooled connection stayed open, so every later writer waited.
    /// Begun here nothing comes in between; and a BEGIN that fails gives the turn back at once.
    /// </summary>
    private static InterceptionResult<DbTransaction> Begin(DbConnection connection, SemaphoreSlim gate, TransactionStartingEventData eventData)
    {
        try
        {
            // As EF would: SQLite's BEGIN IMMEDIATE for the default isolation level (Microsoft.Data.Sqlite's mapping).
            var transaction = connection.BeginTransaction(eventData.IsolationLevel);
            Held.AddOrUpdate(connection, gate);
            return InterceptionResult<DbTransaction>.SuppressWithResult(transaction);
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction, eventData);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Release(transaction, eventData);

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Release(transaction, eventData);

    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(transaction, eventData);
        return Task.CompletedTask;
    }

    InterceptionResult IDbConnectionInterceptor.ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return result;
    }

    ValueTask<InterceptionResult> IDbConnectionInterceptor.ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Release(connection);
        return ValueTask.FromResult(result);
    }

    // After a commit the DbTransaction no longer knows its connection; the DbContext does.
    private static void Release(DbTransaction transaction, TransactionEventData eventData)
    {
        if ((eventData.Context?.Database.GetDbConnection() ?? transaction.Connection) is { } connection)
        {
            Release(connection);
        }
    }

    private static void Release(DbConnection connection)
    {
        if (Held.TryGetValue(connection, out var gate) && Held.Remove(connection))
        {
            gate.Release();
        }
    }

    private static TimeoutException Busy() =>
        new("The database stayed busy with other changes for longer than its timeout; try again.");
}
