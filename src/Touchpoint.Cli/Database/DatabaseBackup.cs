using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Touchpoint.Persistence;
using Touchpoint.Persistence.Common;

namespace Touchpoint.Cli.Database;

/// <summary>
/// <c>touchpoint db backup FILE</c> and <c>touchpoint db restore FILE</c>. A backup is one zip file holding
/// <c>manifest.json</c> (format, provider, when), the database (<c>touchpoint.db</c>: a copy made with SQLite's online
/// backup API, consistent while the app runs; or <c>touchpoint.pgdump</c>: <c>pg_dump -Fc</c>) and the key file
/// (<c>touchpoint.key</c>) that protects the key ring stored in the database: without it a restored database's
/// sessions, tokens and protected values cannot be read. A backup is restored into the same provider it was made from.
/// </summary>
internal sealed class DatabaseBackup(DatabaseSettings database, KeyRingSecret secret)
{
    private const string ManifestEntry = "manifest.json";
    private const string SqliteEntry = "touchpoint.db";
    private const string PostgresEntry = "touchpoint.pgdump";
    private const string KeyEntry = "touchpoint.key";
    private const int Format = 1;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    private sealed record Manifest(int Format, string Provider, DateTimeOffset CreatedAt, bool KeyFile);

    /// <summary>The key file the app uses (<see cref="KeyRingSecret.PathFrom"/>).</summary>
    public string KeyFile => secret.Path;

    public async Task<string> BackupAsync(string file, CancellationToken ct)
    {
        var target = Path.GetFullPath(file);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // Written beside the target and renamed at the end: a failed or interrupted backup never leaves a half file under its name.
        var partial = target + ".partial";
        var dump = target + ".dump-partial";
        try
        {
            string entry;
            if (database.Provider == "postgres")
            {
                await PgDumpAsync(dump, ct);
                entry = PostgresEntry;
            }
            else
            {
                SqliteCopy(database.ConnectionString, $"Data Source={dump};Pooling=False");
                entry = SqliteEntry;
            }
            var keyFile = File.Exists(KeyFile);
            await using (var zipStream = new FileStream(partial, FileMode.Create, FileAccess.Write, FileShare.None))
            await using (var zip = new ZipArchive(zipStream, ZipArchiveMode.Create))
            {
                var manifest = zip.CreateEntry(ManifestEntry, CompressionLevel.Fastest);
                await using (var stream = await manifest.OpenAsync(ct))
                {
                    await JsonSerializer.SerializeAsync(stream, new Manifest(Format, database.Provider, DateTimeOffset.UtcNow, keyFile), Json, ct);
                }
                // pg_dump -Fc compresses already; an SQLite file compresses well.
                await AddFileAsync(zip, entry, dump, entry == PostgresEntry ? CompressionLevel.NoCompression : CompressionLevel.Fastest, ct);
                if (keyFile)
                {
                    await AddFileAsync(zip, KeyEntry, KeyFile, CompressionLevel.NoCompression, ct);
                }
            }
            File.Move(partial, target, overwrite: true);
            // The backup holds the key file: only its owner may read it.
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
            return keyFile ? $"the database and the key file {KeyFile}" : $"the database (no key file at {KeyFile})";
        }
        finally
        {
            File.Delete(dump);
            File.Delete(partial);
        }
    }

    public async Task<string> RestoreAsync(string file, bool force, CancellationToken ct)
    {
        var source = Path.GetFullPath(file);
        if (!File.Exists(source))
        {
            throw new InvalidOperationException($"There is no backup file {source}.");
        }
        using var zip = ZipFile.OpenRead(source);
        var manifest = await ReadManifestAsync(zip, source, ct);
        if (manifest.Provider != database.Provider)
        {
            throw new InvalidOperationException(
                $"{source} is a backup of a {manifest.Provider} database; the configured database is {database.Provider}. Restore it into a {manifest.Provider} database.");
        }
        var key = zip.GetEntry(KeyEntry);
        byte[]? keyBytes = null;
        if (key is not null)
        {
            await using var stream = await key.OpenAsync(ct);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            keyBytes = buffer.ToArray();
        }
        // Nothing is overwritten unasked: a database with tables, or a key file other than the backup's.
        var refusals = new List<string>();
        if (await TargetHasTablesAsync(ct))
        {
            refusals.Add("the database is not empty");
        }
        if (keyBytes is not null && File.Exists(KeyFile) && !File.ReadAllBytes(KeyFile).AsSpan().SequenceEqual(keyBytes))
        {
            refusals.Add($"the key file {KeyFile} exists and differs from the backup's");
        }
        if (refusals.Count > 0 && !force)
        {
            throw new InvalidOperationException($"Nothing was restored: {string.Join(" and ", refusals)}. Add --force to overwrite them with the backup.");
        }

        var extracted = Path.Combine(Path.GetDirectoryName(source)!, Path.GetFileName(source) + ".restore-partial");
        try
        {
            var entry = zip.GetEntry(database.Provider == "postgres" ? PostgresEntry : SqliteEntry)
                ?? throw new InvalidOperationException($"{source} holds no database.");
            await using (var output = new FileStream(extracted, FileMode.Create, FileAccess.Write, FileShare.None))
            await using (var input = await entry.OpenAsync(ct))
            {
                await input.CopyToAsync(output, ct);
            }
            if (database.Provider == "postgres")
            {
                await PgRestoreAsync(extracted, ct);
            }
            else
            {
                SqliteCopy($"Data Source={extracted};Pooling=False;Mode=ReadOnly", database.ConnectionString);
            }
        }
        finally
        {
            File.Delete(extracted);
        }
        if (keyBytes is not null)
        {
            WriteKeyFile(keyBytes);
        }
        return keyBytes is null ? "the database (the backup holds no key file)" : $"the database and the key file {KeyFile}";
    }

    private void WriteKeyFile(byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(KeyFile))!);
        var partial = KeyFile + ".partial";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(partial, options))
        {
            stream.Write(bytes);
        }
        File.Move(partial, KeyFile, overwrite: true);
    }

    private static async Task<Manifest> ReadManifestAsync(ZipArchive zip, string source, CancellationToken ct)
    {
        var entry = zip.GetEntry(ManifestEntry) ?? throw new InvalidOperationException($"{source} is not a Touchpoint backup (it has no {ManifestEntry}).");
        await using var stream = await entry.OpenAsync(ct);
        var manifest = await JsonSerializer.DeserializeAsync<Manifest>(stream, Json, ct)
            ?? throw new InvalidOperationException($"{source} has an empty {ManifestEntry}.");
        return manifest.Format == Format
            ? manifest
            : throw new InvalidOperationException($"{source} is a backup of format {manifest.Format}; this version reads format {Format}.");
    }

    private static async Task AddFileAsync(ZipArchive zip, string name, string path, CompressionLevel level, CancellationToken ct)
    {
        var entry = zip.CreateEntry(name, level);
        await using var output = await entry.OpenAsync(ct);
        await using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 20, useAsync: true);
        await input.CopyToAsync(output, 1 << 20, ct);
    }

    /// <summary>SQLite's online backup API: a consistent copy, page by page, while other connections read and write.</summary>
    private static void SqliteCopy(string from, string to)
    {
        using (var source = new SqliteConnection(from))
        using (var destination = new SqliteConnection(to))
        {
            source.Open();
            destination.Open();
            source.BackupDatabase(destination);
        }
        SqliteConnection.ClearAllPools();
    }

    private async Task<bool> TargetHasTablesAsync(CancellationToken ct)
    {
        if (database.Provider == "postgres")
        {
            var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            await using var connection = await OpenOrCreateAsync(builder, ct);
            await using var command = new NpgsqlCommand(
                "SELECT EXISTS (SELECT 1 FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema'))", connection);
            return (bool)(await command.ExecuteScalarAsync(ct))!;
        }
        var path = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
        if (!File.Exists(path) || new FileInfo(path).Length == 0)
        {
            return false;
        }
        await using var sqlite = new SqliteConnection($"Data Source={path};Pooling=False;Mode=ReadOnly");
        await sqlite.OpenAsync(ct);
        await using var tables = sqlite.CreateCommand();
        tables.CommandText = "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table')";
        return (long)(await tables.ExecuteScalarAsync(ct))! != 0;
    }

    /// <summary>Opens the configured database, creating it first when it does not exist (a restore onto a new server).</summary>
    private static async Task<NpgsqlConnection> OpenOrCreateAsync(NpgsqlConnectionStringBuilder builder, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(builder.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            await connection.DisposeAsync();
        }
        var maintenance = new NpgsqlConnectionStringBuilder(builder.ConnectionString) { Database = "postgres", Pooling = false };
        await using (var server = new NpgsqlConnection(maintenance.ConnectionString))
        {
            await server.OpenAsync(ct);
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{builder.Database!.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", server);
            await create.ExecuteNonQueryAsync(ct);
        }
        connection = new NpgsqlConnection(builder.ConnectionString);
        await connection.OpenAsync(ct);
        return connection;
    }

    private Task PgDumpAsync(string output, CancellationToken ct) =>
        RunAsync("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", $"--file={output}"], ct);

    private async Task PgRestoreAsync(string dump, CancellationToken ct)
    {
        // The target's own objects go first (a newer schema's tables would otherwise stay beside the restored ones); then
        // the dump is restored in one transaction, stopping at the first error.
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString) { Pooling = false };
        await using (var connection = await OpenOrCreateAsync(builder, ct))
        await using (var clear = new NpgsqlCommand("DROP SCHEMA IF EXISTS public CASCADE; CREATE SCHEMA public;", connection))
        {
            await clear.ExecuteNonQueryAsync(ct);
        }
        NpgsqlConnection.ClearAllPools();
        await RunAsync("pg_restore", ["--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", $"--dbname={builder.Database}", dump], ct);
    }

    /// <summary>Runs pg_dump or pg_restore against the configured database; the password goes by environment, not the command line.</summary>
    private async Task RunAsync(string tool, string[] arguments, CancellationToken ct)
    {
        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["PGHOST"] = builder.Host;
        start.Environment["PGPORT"] = builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["PGDATABASE"] = builder.Database;
        start.Environment["PGUSER"] = builder.Username;
        if (builder.Password is { } password)
        {
            start.Environment["PGPASSWORD"] = password;
        }
        start.Environment["PGSSLMODE"] = builder.SslMode.ToString().ToLowerInvariant() switch
        {
            "verifyca" => "verify-ca",
            "verifyfull" => "verify-full",
            var mode => mode,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start.");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{tool} was not found ({e.Message}); install the PostgreSQL client tools of the server's version.", e);
        }
        using (process)
        {
            var errors = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{tool} failed (exit code {process.ExitCode}): {(await errors).Trim()}");
            }
        }
    }
}
