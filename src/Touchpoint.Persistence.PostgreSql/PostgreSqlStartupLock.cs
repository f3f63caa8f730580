using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Touchpoint.Persistence.PostgreSql;

/// <summary>
/// The start-up lock on PostgreSQL: a session advisory lock on a connection of its own, held while migrations and the
/// start-up setup run. Without it, two instances starting together on an empty database both create the migrations
/// history table and the first tables, and one fails with 42P07 ("relation already exists").
/// </summary>
internal sealed class PostgreSqlStartupLock : IAsyncDisposable
{
    /// <summary>The lock's key, one for every Touchpoint database ("Touchpnt" in ASCII); advisory locks are per database.</summary>
    internal const long Key = 0x546F7563_68706E74;

    private readonly NpgsqlConnection _connection;

    private PostgreSqlStartupLock(NpgsqlConnection connection) => _connection = connection;

    public static async Task<IAsyncDisposable> AcquireAsync(DbContext db, CancellationToken ct)
    {
        // The lock lives in the database, so the database must exist first; of two instances creating it, one wins.
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (!await creator.ExistsAsync(ct))
        {
            try
            {
                await creator.CreateAsync(ct);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DuplicateDatabase or PostgresErrorCodes.UniqueViolation)
            {
            }
        }
        // Not pooled: the lock belongs to the session, which must end with it whatever happens.
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await ExecuteAsync(connection, "SELECT pg_advisory_lock(@key)", ct);
            return new PostgreSqlStartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await ExecuteAsync(_connection, "SELECT pg_advisory_unlock(@key)", CancellationToken.None);
        }
        finally
        {
            // Closing the (unpooled) session releases the lock in any case.
            await _connection.DisposeAsync();
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("key", Key);
        // Waiting for another instance's migrations is expected; the default 30 s would fail a long one.
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }
}
