using System.Data.Common;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Touchpoint.Cli.Demo;
using Touchpoint.Core;
using Touchpoint.Persistence;
using Touchpoint.Persistence.PostgreSql;
using Touchpoint.Persistence.Sqlite;

namespace Touchpoint.Cli.Hosting;

/// <summary>
/// The generic host behind every command: the web app's configuration keys (appsettings.json optional, environment
/// variables), the same persistence and use cases. Each command runs in one DI scope, as one web request does.
/// </summary>
internal static class CliHost
{
    public static readonly IReadOnlyList<IDatabaseProvider> Providers = [new SqliteDatabaseProvider(), new PostgreSqlDatabaseProvider()];

    // Defaults below every other source: a batch command prints its own progress, so the framework's
    // informational logging (EF's SQL, host lifetime) would only bury it. appsettings or Logging__LogLevel__… raise it.
    private static readonly Dictionary<string, string?> Defaults = new(StringComparer.Ordinal)
    {
        ["Logging:LogLevel:Default"] = "Warning",
        // A failed connection or command ends the command with its own message (exit code 1); EF's log line for the
        // same failure, or for the expected miss while migrate creates a new PostgreSQL database, would only repeat it.
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Connection"] = "None",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
    };

    /// <summary>Runs a command; 0 when it succeeds, 1 with a message on standard error when it does not.</summary>
    public static async Task<int> RunAsync(Func<IServiceProvider, CancellationToken, Task> command, CancellationToken ct)
    {
        DatabaseSettings? database = null;
        try
        {
            using var host = Build();
            database = host.Services.GetRequiredService<DatabaseSettings>();
            await using var scope = host.Services.CreateAsyncScope();
            await command(scope.ServiceProvider, ct);
            return 0;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("touchpoint: canceled; nothing of the unfinished step was kept.");
            return 1;
        }
        // Any failure ends the command with exit code 1 and a readable message instead of a stack trace.
#pragma warning disable CA1031
        catch (Exception e)
#pragma warning restore CA1031
        {
            await Console.Error.WriteLineAsync($"touchpoint: error: {Describe(e, database)}");
            return 1;
        }
    }

    public static string Target(DatabaseSettings database)
    {
        // Say where, never the password.
        var builder = new DbConnectionStringBuilder { ConnectionString = database.ConnectionString };
        foreach (var key in builder.Keys.Cast<string>().Where(k => k.Contains("password", StringComparison.OrdinalIgnoreCase) || k.Equals("pwd", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            builder.Remove(key);
        }
        return $"{database.Provider}, {builder.ConnectionString}";
    }

    /// <summary>Fails with a clear message when the schema is behind, rather than with "no such table".</summary>
    public static async Task RequireMigratedAsync(TouchpointDbContext db, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0)
        {
            throw new InvalidOperationException(
                $"The database is not up to date ({pending.Count} migration(s) to apply). Run `touchpoint db migrate` first.");
        }
    }

    private static IHost Build()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // The command line belongs to System.CommandLine; appsettings.json is looked for beside the executable,
            // so the CLI reads the same file wherever it is started from.
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        builder.Services.AddTouchpointPersistence(builder.Configuration, Providers);
        builder.Services.AddTouchpointOptions();
        builder.Services.AddTouchpointUseCases();
        builder.Services.AddScoped<GenerateContacts>();
        builder.Services.AddScoped<GenerateInteractions>();
        var host = builder.Build();
        try
        {
            // The host is never started (a command is not a service), so the checks that starting would run are run
            // here: a bad value ends the command with a message naming its key, before anything is migrated or written.
            host.Services.GetRequiredService<IStartupValidator>().Validate();
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }

    private static string Describe(Exception e, DatabaseSettings? database)
    {
        var messages = new List<string>();
        for (var x = e; x is not null; x = x.InnerException)
        {
            if (!messages.Contains(x.Message, StringComparer.Ordinal))
            {
                messages.Add(x.Message);
            }
        }
        var message = string.Join(" ← ", messages);
        var unreachable = Flatten(e).Any(x => x is DbException or SocketException or TimeoutException);
        return unreachable && database is not null
            ? $"cannot use the database ({Target(database)}): {message}"
            : message;
    }

    private static IEnumerable<Exception> Flatten(Exception e)
    {
        for (var x = e; x is not null; x = x.InnerException)
        {
            yield return x;
        }
    }
}
