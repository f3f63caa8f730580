using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Persistence;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Persistence;

/// <summary>
/// The contact search index is SQL written by hand into each provider's Initial migration, not made from the model, so
/// neither MigrationTests nor a re-made migration would notice it missing. On PostgreSQL the search even works without
/// it, only slowly: here a migrated database must have it, and the planner must be able to answer the list's
/// LIKE '%term%' with it.
/// </summary>
public sealed class HandWrittenSchemaTests(AppPerProvider apps) : IClassFixture<AppPerProvider>
{
    private static async Task<List<string>> QueryAsync(TouchpointApp app, params string[] statements) =>
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<TouchpointDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var rows = new List<string>();
            foreach (var statement in statements)
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.Transaction = transaction.GetDbTransaction();
                command.CommandText = statement;
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    rows.Add(reader.GetString(0));
                }
            }
            await transaction.RollbackAsync();
            return rows;
        });

    [Theory, SqliteData]
    public async Task A_new_sqlite_database_has_the_trigram_search_table_and_the_triggers_that_keep_it_in_step(string provider)
    {
        var objects = await QueryAsync(apps.For(provider),
            """SELECT type || ' ' || name FROM sqlite_master WHERE name = 'ContactSearch' OR (type = 'trigger' AND tbl_name = 'Contacts') ORDER BY name""");

        Assert.Equal(["table ContactSearch", "trigger Contacts_SearchDelete", "trigger Contacts_SearchInsert", "trigger Contacts_SearchUpdate"], objects);
        var definition = await QueryAsync(apps.For(provider), "SELECT sql FROM sqlite_master WHERE name = 'ContactSearch'");
        Assert.Contains("fts5", definition.Single());
        Assert.Contains("tokenize='trigram'", definition.Single());
    }

    [Theory, PostgresData]
    public async Task A_new_postgres_database_answers_the_contact_search_with_its_trigram_index(string provider)
    {
        var definition = await QueryAsync(apps.For(provider),
            """SELECT indexdef FROM pg_indexes WHERE tablename = 'Contacts' AND indexname = 'IX_Contacts_SearchText_trgm'""");
        Assert.Contains("USING gin", Assert.Single(definition));
        Assert.Contains("gin_trgm_ops", definition.Single());

        // With sequential scans priced out, the plan names the index only if it can serve a substring match.
        var plan = await QueryAsync(apps.For(provider), "SET LOCAL enable_seqscan = off",
            """EXPLAIN SELECT "No" FROM "Contacts" WHERE "SearchText" LIKE '%ander%'""");
        Assert.Contains(plan, line => line.Contains("IX_Contacts_SearchText_trgm"));
    }
}
