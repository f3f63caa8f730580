using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Cli.Hosting;
using Touchpoint.Core.Common;
using Touchpoint.Persistence;

namespace Touchpoint.Cli.Database;

/// <summary><c>touchpoint db …</c>: the schema.</summary>
internal static class DatabaseCommands
{
    public static Command Create()
    {
        var migrate = new Command("migrate",
            "Applies the migrations (creating the database when it is missing), then the base setup every database needs " +
            "(number series, interaction template setup). Safe to run again.");
        migrate.SetAction((_, ct) => CliHost.RunAsync(MigrateAsync, ct));
        return new Command("db", "The database schema.") { migrate };
    }

    private static async Task MigrateAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<TouchpointDbContext>();
        var database = services.GetRequiredService<DatabaseSettings>();
        Console.WriteLine($"Database: {CliHost.Target(database)}");
        // Under the same start-up lock as the web app's: a migrate run while instances start waits for them, and they for it.
        await using var startupLock = await services.GetRequiredService<IDatabaseProvider>().LockForStartupAsync(db, ct);
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        await db.Database.MigrateAsync(ct);
        await services.GetRequiredService<BaseSetup>().EnsureAsync(ct);
        Console.WriteLine(pending.Count == 0
            ? "The schema was already up to date; base setup checked."
            : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}; base setup checked.");
    }
}
