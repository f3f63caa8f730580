using System.CommandLine;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Cli.Hosting;
using Touchpoint.Core.Common;
using Touchpoint.Persistence;
using Touchpoint.Persistence.Common;

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
        return new Command("db", "The database: its schema, backup and restore.") { migrate, BackupCommand(), RestoreCommand() };
    }

    private static Command BackupCommand()
    {
        var file = new Argument<string>("FILE") { Description = "The backup file to write (a zip file; replaced if it exists)." };
        var backup = new Command("backup",
            "Writes a backup of the configured database and its key file (Touchpoint:DataProtection:KeyFile) into one zip file, while the " +
            "app may keep running: SQLite's online backup API, or pg_dump -Fc for PostgreSQL (the client tools must be installed).")
        {
            file,
        };
        backup.SetAction((parse, ct) => CliHost.RunAsync(async (services, token) =>
        {
            var database = services.GetRequiredService<DatabaseSettings>();
            Console.WriteLine($"Database: {CliHost.Target(database)}");
            var started = System.Diagnostics.Stopwatch.StartNew();
            var path = parse.GetValue(file)!;
            var what = await new DatabaseBackup(database, services.GetRequiredService<KeyRingSecret>()).BackupAsync(path, token);
            Console.WriteLine(string.Create(CultureInfo.CurrentCulture,
                $"Backed up {what} to {Path.GetFullPath(path)} ({new FileInfo(path).Length / 1048576.0:N1} MiB) in {started.Elapsed.TotalSeconds:N1} s."));
        }, ct));
        return backup;
    }

    private static Command RestoreCommand()
    {
        var file = new Argument<string>("FILE") { Description = "A backup file written by `touchpoint db backup`." };
        var force = new Option<bool>("--force") { Description = "Overwrite a database that is not empty and a key file that differs from the backup's." };
        var restore = new Command("restore",
            "Restores a backup into the configured database (of the same provider) and puts its key file back. Refuses a database that is not " +
            "empty, or a different key file, unless --force is given. Stop the app while restoring; run `touchpoint db migrate` afterwards " +
            "when the backup is older than this version.")
        {
            file, force,
        };
        restore.SetAction((parse, ct) => CliHost.RunAsync(async (services, token) =>
        {
            var database = services.GetRequiredService<DatabaseSettings>();
            Console.WriteLine($"Database: {CliHost.Target(database)}");
            var started = System.Diagnostics.Stopwatch.StartNew();
            var what = await new DatabaseBackup(database, services.GetRequiredService<KeyRingSecret>())
                .RestoreAsync(parse.GetValue(file)!, parse.GetValue(force), token);
            Console.WriteLine(string.Create(CultureInfo.CurrentCulture, $"Restored {what} in {started.Elapsed.TotalSeconds:N1} s."));
        }, ct));
        return restore;
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
