using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Touchpoint.Persistence.PostgreSql;

/// <summary>
/// The application's connections auto-prepare the statements they run twice (see
/// <see cref="PostgreSqlDatabaseProvider.Prepared"/>). A statement whose preparing run fails inside a transaction is
/// left marked as prepared in Npgsql's books although PostgreSQL dropped it with the rolled-back transaction: the
/// next run of it on that connection, often another request's that borrowed the connection from the pool, reads
/// another statement's rows ("Received unexpected backend message DataRow"). So after a statement fails on a
/// connection, the connection forgets its prepared statements once its transaction is over (rolled back, or the
/// connection closed and returned to the pool); they are prepared again as they are used.
/// </summary>
internal sealed class PreparedStatementsAfterFailure : DbCommandInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor
{
    public static readonly PreparedStatementsAfterFailure Instance = new();

    private readonly ConditionalWeakTable<DbConnection, object> _failed = [];

    public override void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Failed(command);

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Failed(command);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context?.Database.GetDbConnection());

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context?.Database.GetDbConnection());
        return Task.CompletedTask;
    }

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Forget(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        Forget(connection);
        return ValueTask.FromResult(result);
    }

    private void Failed(DbCommand command)
    {
        if (command.Connection is { } connection)
        {
            _failed.AddOrUpdate(connection, this);
        }
    }

    private void Forget(DbConnection? connection)
    {
        if (connection is NpgsqlConnection { State: System.Data.ConnectionState.Open } npgsql && _failed.Remove(connection))
        {
            try
            {
                npgsql.UnprepareAll();
            }
            catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
            {
                // Still in a failed transaction, or broken: the pool will not hand this connection out again.
                NpgsqlConnection.ClearPool(npgsql);
            }
        }
    }
}
