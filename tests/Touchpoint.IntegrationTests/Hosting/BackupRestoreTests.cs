using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.IntegrationTests.Interactions;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Hosting;

/// <summary>
/// <c>touchpoint db backup FILE</c> and <c>db restore FILE</c>, run as the real command: the database and its key file
/// come back whole, and a database that is not empty (or a different key file) is overwritten only with --force.
/// </summary>
public sealed class BackupRestoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "touchpoint-tests", "backup-" + Guid.NewGuid().ToString("N"));

    public BackupRestoreTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Task<(int ExitCode, string Output)> CliAsync(TouchpointApp app, string keyFile, params string[] args) =>
        CliProcess.RunAsync(new Dictionary<string, string>
        {
            ["Touchpoint__Database__Provider"] = app.Provider,
            ["ConnectionStrings__Touchpoint"] = app.ConnectionString,
            ["Touchpoint__DataProtection__KeyFile"] = keyFile,
        }, args);

    private static Task<(int Entries, long MaxEntryNo, int Contacts, int Audit)> CountsAsync(TouchpointApp app) =>
        app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ITouchpointDb>();
            return (await db.InteractionLogEntries.CountAsync(), await db.InteractionLogEntries.MaxAsync(e => (long?)e.EntryNo) ?? 0,
                await db.Contacts.CountAsync(), await db.AuditEntries.CountAsync());
        });

    [Theory, SqliteData, PostgresData]
    public async Task A_backup_restores_every_entry_and_the_key_file_and_a_used_target_is_overwritten_only_with_force(string provider)
    {
        using var source = new TouchpointApp(provider);
        var w = await InteractionWorld.CreateAsync(source);
        for (var i = 0; i < 5; i++)
        {
            await (await w.Client.PostAsync("/api/v1/interactions", new { contactNo = w.Person, interactionTemplateCode = w.Template, salespersonCode = w.Salesperson }))
                .JsonAsync(HttpStatusCode.Created);
        }
        var entry = (await (await w.Client.GetAsync($"/api/v1/interactionLogEntries?contactNo={w.Person}&limit=1")).JsonAsync(HttpStatusCode.OK))
            .GetProperty("value")[0].GetProperty("entryNo").GetInt64();
        await (await w.Client.PostAsync($"/api/v1/interactionLogEntries/{entry}/cancel", new { })).JsonAsync(HttpStatusCode.OK);
        var key = Path.Combine(_folder, "source.key");
        await File.WriteAllBytesAsync(key, RandomNumberGenerator.GetBytes(64));
        var before = await CountsAsync(source);

        var backup = Path.Combine(_folder, "nightly.zip");
        var (code, output) = await CliAsync(source, key, "db", "backup", backup);
        Assert.True(code == 0, output);
        Assert.True(File.Exists(backup), output);
        Assert.False(File.Exists(backup + ".partial"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(backup));
        }

        // A target that is in use: refused as it is, restored with --force.
        using var target = new TouchpointApp(provider);
        _ = target.Services;
        var targetKey = Path.Combine(_folder, "target", "touchpoint.key");
        Directory.CreateDirectory(Path.GetDirectoryName(targetKey)!);
        await File.WriteAllBytesAsync(targetKey, [1, 2, 3]);
        (code, output) = await CliAsync(target, targetKey, "db", "restore", backup);
        Assert.True(code == 1, output);
        Assert.Contains("--force", output);
        Assert.Contains("not empty", output);
        Assert.Contains("key file", output);
        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(targetKey));

        (code, output) = await CliAsync(target, targetKey, "db", "restore", backup, "--force");
        Assert.True(code == 0, output);
        Assert.Equal(await File.ReadAllBytesAsync(key), await File.ReadAllBytesAsync(targetKey));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(targetKey));
        }
        Assert.Equal(before, await CountsAsync(target));
        var canceled = await target.WithScopeAsync(sp => sp.GetRequiredService<ITouchpointDb>().InteractionLogEntries.AnyAsync(e => e.EntryNo == entry && e.Canceled));
        Assert.True(canceled);

        // Restored again over itself: the same backup and key are no reason to refuse a key file, only the used database.
        (code, output) = await CliAsync(target, targetKey, "db", "restore", backup);
        Assert.True(code == 1, output);
        Assert.DoesNotContain("key file", output);
    }

    [Fact]
    public async Task A_backup_without_a_key_file_restores_into_a_new_database_without_force()
    {
        using var source = new TouchpointApp(TestDatabases.Sqlite);
        var w = await InteractionWorld.CreateAsync(source);
        var key = Path.Combine(_folder, "none.key");
        var backup = Path.Combine(_folder, "plain.zip");
        var (code, output) = await CliAsync(source, key, "db", "backup", backup);
        Assert.True(code == 0, output);
        Assert.Contains("no key file", output);

        var restoredFile = Path.Combine(_folder, "restored.db");
        var restore = await CliProcess.RunAsync(new Dictionary<string, string>
        {
            ["Touchpoint__Database__Provider"] = "sqlite",
            ["ConnectionStrings__Touchpoint"] = $"Data Source={restoredFile}",
            ["Touchpoint__DataProtection__KeyFile"] = key,
        }, "db", "restore", backup);
        Assert.True(restore.ExitCode == 0, restore.Output);
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={restoredFile};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Contacts WHERE No = $no";
        command.Parameters.AddWithValue("$no", w.Person);
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }
}
