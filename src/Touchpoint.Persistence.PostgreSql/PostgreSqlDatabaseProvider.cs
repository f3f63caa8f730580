using Npgsql;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Interactions;
using Touchpoint.Persistence.PostgreSql.Contacts;
using Touchpoint.Persistence.PostgreSql.Interactions;

namespace Touchpoint.Persistence.PostgreSql;

/// <summary>PostgreSQL, for several web instances or larger logs. Chosen by Touchpoint:Database:Provider = postgres.</summary>
public sealed class PostgreSqlDatabaseProvider : IDatabaseProvider
{
    public string Name => "postgres";

    // A list in a query goes as one array parameter (= ANY(@codes)): one statement text for every list, which Npgsql
    // can prepare once. Npgsql's provider does so by default (EF Core 10's default for others is one parameter per
    // value); said here as well, as on SQLite, so that the two behave alike by configuration (ListParameterTests).
    public void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(Prepared(WithoutJit(connectionString)), o => o.MigrationsAssembly(typeof(PostgreSqlDatabaseProvider).Assembly.GetName().Name)
                .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
            .AddInterceptors(PreparedStatementsAfterFailure.Instance);

    /// <summary>
    /// Npgsql prepares a statement once it has run twice on a connection (unless the connection string says otherwise):
    /// PostgreSQL then skips parsing and planning it again, which under many small requests is a good part of its work
    /// (measured: POST /documentEvents from 1,236 to 1,719 per second with 8 clients).
    /// </summary>
    internal static string Prepared(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (connectionString.Contains("Max Auto Prepare", StringComparison.OrdinalIgnoreCase)
            || connectionString.Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
        {
            return connectionString;
        }
        builder.MaxAutoPrepare = 64;
        builder.AutoPrepareMinUsages = 2;
        return builder.ConnectionString;
    }

    /// <summary>
    /// PostgreSQL's JIT compiler is for long analytic queries; on this application's statements it only adds its
    /// compile time (0.3–0.7 s on the INSERT … SELECT that adds 100,000 contacts to a segment, about half of it). Off for
    /// the application's connections unless the connection string sets jit itself.
    /// </summary>
    internal static string WithoutJit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (builder.Options?.Contains("jit", StringComparison.OrdinalIgnoreCase) == true)
        {
            return connectionString;
        }
        builder.Options = string.IsNullOrWhiteSpace(builder.Options) ? "-c jit=off" : builder.Options + " -c jit=off";
        return builder.ConnectionString;
    }

    public string DefaultConnectionString(string dataFolder) =>
        throw new InvalidOperationException(
            $"{DatabaseOptions.ProviderKey} is postgres, so {DatabaseOptions.ConnectionStringKey} must name the database, e.g. Host=localhost;Database=touchpoint;Username=touchpoint;Password=….");

    public Task<IAsyncDisposable> LockForStartupAsync(DbContext db, CancellationToken ct = default) => PostgreSqlStartupLock.AcquireAsync(db, ct);

    // The trigram GIN index on Contacts.SearchText (written by hand in the Initial migration) serves the list's LIKE directly.
    public void AddServices(IServiceCollection services)
    {
        services.AddSingleton<IContactSearchIndex, NoContactSearchIndex>();
        services.AddSingleton<Core.Segments.ISegmentLogLock, Segments.PostgreSqlSegmentLogLock>();
        services.AddSingleton<IInteractionLogEntryBulkWriter, PostgreSqlInteractionLogEntryBulkWriter>();
        services.AddSingleton<Core.Common.ILargeTransaction, PostgreSqlLargeTransaction>();
        services.AddSingleton<Core.Common.IIdempotencyRecordBulkWriter, Documents.PostgreSqlIdempotencyRecordBulkWriter>();
        services.AddSingleton<Core.Delivery.IDeliverySorterClaims>(new Persistence.Delivery.DeliverySorterClaims(Persistence.Delivery.DeliverySorterClaims.SkipLocked));
    }

    public void Prepare(string connectionString)
    {
        // The database itself is created by the migration step (EF creates it when it is missing).
    }

    public Task BulkInsertContactsAsync(string connectionString, IEnumerable<Contact> contacts, CancellationToken ct = default) =>
        PostgreSqlContactWriter.WriteAsync(connectionString, contacts, ct);

    public Task BulkInsertInteractionLogEntriesAsync(string connectionString, IEnumerable<InteractionLogEntry> entries, CancellationToken ct = default) =>
        PostgreSqlInteractionLogEntryWriter.WriteAsync(connectionString, entries, ct);
}
