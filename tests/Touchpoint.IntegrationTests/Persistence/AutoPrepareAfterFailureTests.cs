using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Touchpoint.Persistence;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Persistence;

/// <summary>
/// The application's PostgreSQL connections auto-prepare the statements they run twice. A statement whose preparing run
/// fails inside a transaction must not leave the pooled connection out of step with the server: the next request that
/// borrows it would read another statement's rows ("Received unexpected backend message DataRow").
/// </summary>
public sealed class AutoPrepareAfterFailureTests
{
    [Theory, PostgresData]
    public async Task A_statement_that_failed_in_a_transaction_runs_again_on_the_same_pooled_connection(string provider)
    {
        using var app = new TouchpointApp(provider);
        // One connection, so that every request below gets the one the failure happened on.
        app.Settings["ConnectionStrings:Touchpoint"] = new NpgsqlConnectionStringBuilder(app.ConnectionString) { MaxPoolSize = 1 }.ConnectionString;
        await app.WithScopeAsync(sp => sp.GetRequiredService<TouchpointDbContext>().Database.ExecuteSqlRawAsync(
            "CREATE TABLE prepared_probe (id serial PRIMARY KEY, amount numeric(18,2))"));

        for (var round = 0; round < 12; round++)
        {
            // A statement new to the connection in each round, whose failing run is the one that prepares it (after 0, 1
            // or 2 runs before it), as a request's INSERT … RETURNING is; the transaction rolled back or just disposed.
            var statement = $"INSERT INTO prepared_probe (amount) VALUES ({{0}}) RETURNING id AS \"Value\" -- {round}";
            await app.WithScopeAsync(async sp =>
            {
                var db = sp.GetRequiredService<TouchpointDbContext>();
                for (var i = 0; i < round % 3; i++)
                {
                    await db.Database.SqlQueryRaw<int>(statement, 1m).ToListAsync();
                }
                await using var transaction = await db.Database.BeginTransactionAsync();
                await Assert.ThrowsAsync<PostgresException>(() => db.Database.SqlQueryRaw<int>(statement, 1e17m).ToListAsync());
                if (round % 2 == 0)
                {
                    await transaction.RollbackAsync();
                }
                return 0;
            });
            var ids = await app.WithScopeAsync(sp => sp.GetRequiredService<TouchpointDbContext>().Database.SqlQueryRaw<int>(statement, 2m).ToListAsync());
            Assert.Single(ids);
            var fine = await app.WithScopeAsync(sp => sp.GetRequiredService<TouchpointDbContext>().Database
                .SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM prepared_probe WHERE amount = 2").ToListAsync());
            Assert.Equal(round + 1, fine.Single());
        }
    }
}
