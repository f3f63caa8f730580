using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Touchpoint.Persistence;
using Touchpoint.TestKit;
using Touchpoint.Web.Hosting;

namespace Touchpoint.IntegrationTests.Persistence;

/// <summary>
/// Each database's migrations must cover the EF model: a change to an entity or its configuration without a migration
/// (tools/add-migration.sh makes one for both) would leave a new database without the column, and fails here. The
/// comparison is of the model with the migrations' last snapshot, so no database server is needed.
/// </summary>
public sealed class MigrationTests
{
    /// <summary>A context configured exactly as the app configures it for that provider; it never connects.</summary>
    internal static TouchpointDbContext ContextFor(string provider)
    {
        var options = new DbContextOptionsBuilder<TouchpointDbContext>();
        var connectionString = provider == TestDatabases.Postgres ? "Host=localhost;Database=touchpoint_model" : "Data Source=:memory:";
        TouchpointServices.Providers.Single(p => p.Name == provider).Configure(options, connectionString);
        return new TouchpointDbContext(options.Options);
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void The_migrations_cover_every_change_to_the_model(string provider)
    {
        using var db = ContextFor(provider);

        Assert.True(db.Database.GetMigrations().Any(), $"no migrations found for {provider}");
        Assert.False(db.Database.HasPendingModelChanges(),
            $"The EF model has changes that no {provider} migration covers. Run tools/add-migration.sh NAME and commit the migrations of both providers.");
    }

    [Theory]
    [InlineData(TestDatabases.Sqlite)]
    [InlineData(TestDatabases.Postgres)]
    public void Each_provider_reads_its_own_migrations(string provider)
    {
        using var db = ContextFor(provider);

        var assembly = db.GetService<IMigrationsAssembly>().Assembly.GetName().Name;
        Assert.Equal(provider == TestDatabases.Postgres ? "Touchpoint.Persistence.PostgreSql" : "Touchpoint.Persistence.Sqlite", assembly);
    }
}
