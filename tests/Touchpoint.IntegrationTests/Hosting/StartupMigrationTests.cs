using System.Net;
using Npgsql;
using Touchpoint.Core.Common;
using Touchpoint.TestKit;
using Touchpoint.Web.Hosting;

namespace Touchpoint.IntegrationTests.Hosting;

/// <summary>
/// Migrations at start-up: instances that start together on one database take turns (none fails with "relation already
/// exists"), and with Touchpoint:Database:MigrateAtStartup = false they are left to `touchpoint db migrate`.
/// </summary>
public sealed class StartupMigrationTests
{
    [Theory, PostgresData]
    public async Task Two_instances_starting_together_on_one_empty_database_both_start(string provider)
    {
        // A race: a few rounds, each on a new empty database, so that a start-up without the lock would fail in one of them.
        for (var round = 0; round < 3; round++)
        {
            using var first = new TouchpointApp(provider);
            using var second = new TouchpointApp(first);
            var name = new NpgsqlConnectionStringBuilder(first.ConnectionString).Database!;
            await using (var maintenance = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestDatabases.PostgresServer) { Database = "postgres" }.ConnectionString))
            {
                await maintenance.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", maintenance);
                await create.ExecuteNonQueryAsync();
            }

            using var go = new Barrier(2);
            await Task.WhenAll(
                Task.Run(() => { go.SignalAndWait(); _ = first.Services; }),
                Task.Run(() => { go.SignalAndWait(); _ = second.Services; }));

            foreach (var app in new[] { first, second })
            {
                Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/health")).StatusCode);
                var admin = await app.ClientAsync(Roles.Admin);
                Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/api/v1/auditEntries")).StatusCode);
            }
        }
    }

    [Fact]
    public void With_migration_at_start_up_off_the_app_refuses_a_database_with_pending_migrations_and_says_what_to_run()
    {
        using var app = new TouchpointApp(TestDatabases.Sqlite);
        app.Settings[DatabaseStartupOptions.MigrateAtStartupKey] = "false";
        var failure = Assert.ThrowsAny<InvalidOperationException>(() => app.Services);
        Assert.Contains(DatabaseStartupOptions.MigrateAtStartupKey, failure.Message);
        Assert.Contains("touchpoint db migrate", failure.Message);
    }

    [Fact]
    public async Task With_migration_at_start_up_off_the_app_starts_on_a_migrated_database()
    {
        using var migrated = new TouchpointApp(TestDatabases.Sqlite);
        _ = migrated.Services;
        using var app = new TouchpointApp(migrated);
        app.Settings[DatabaseStartupOptions.MigrateAtStartupKey] = "false";
        Assert.Equal(HttpStatusCode.OK, (await app.Anonymous().GetAsync("/health")).StatusCode);
    }

    [Fact]
    public void A_migrate_at_start_up_that_is_not_true_or_false_stops_the_start_naming_the_key()
    {
        using var app = new TouchpointApp(TestDatabases.Sqlite);
        app.Settings[DatabaseStartupOptions.MigrateAtStartupKey] = "sometimes";
        var failure = Assert.ThrowsAny<Exception>(() => app.Services);
        Assert.Contains("MigrateAtStartup", failure.ToString());
    }
}
