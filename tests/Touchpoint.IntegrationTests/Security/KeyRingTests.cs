using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.IntegrationTests.Users;
using Touchpoint.Persistence;
using Touchpoint.TestKit;

namespace Touchpoint.IntegrationTests.Security;

/// <summary>
/// The key ring that signs cookies and tokens is useless without the key file, which is not in the database; the
/// data folder and the database files are the app user's only.
/// </summary>
public sealed class KeyRingTests
{
    [Theory, SqliteData, PostgresData]
    public async Task An_instance_with_the_database_but_not_the_key_file_cannot_make_tokens_the_real_one_accepts(string provider)
    {
        using var live = new TouchpointApp(provider);
        var liveAdmin = await live.ClientAsync(Roles.Admin);
        // Someone with the database (a copy, or the same) starts an instance of their own with an admin of their own.
        using var intruder = new TouchpointApp(live, shareKeyFile: false);
        intruder.Settings["Touchpoint:Admin:Email"] = "intruder@test.local";
        intruder.Settings["Touchpoint:Admin:Password"] = "Intruder-Pass-4410";
        var forged = (await Sessions.LoginAsync(intruder, "intruder@test.local", "Intruder-Pass-4410")).Str("accessToken");

        var answer = await Sessions.Bearer(live, forged).PostAsync("/api/v1/salespeople", new { code = Unique.Code("F"), name = "Forged" });
        Assert.Equal(HttpStatusCode.Unauthorized, answer.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await Sessions.Bearer(intruder, liveAdmin.DefaultRequestHeaders.Authorization!.Parameter!).GetAsync("/api/v1/contacts?limit=1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await liveAdmin.GetAsync("/api/v1/contacts?limit=1")).StatusCode);
    }

    [Theory, SqliteData, PostgresData]
    public async Task The_keys_in_the_database_are_encrypted_with_the_key_file(string provider)
    {
        using var app = new TouchpointApp(provider);
        await app.ClientAsync(Roles.Admin);
        var keys = await app.WithScopeAsync(sp => sp.GetRequiredService<TouchpointDbContext>().DataProtectionKeys.Select(k => k.Xml).ToListAsync());
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("<encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
        Assert.Equal(45, File.ReadAllText(app.KeyFile).Length); // 32 bytes in base64 and a line end
    }

    [Fact]
    public async Task The_data_folder_and_the_database_files_are_readable_by_the_apps_user_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // no Unix file modes there
        }
        using var app = new TouchpointApp(TestDatabases.Sqlite);
        await app.ClientAsync(Roles.Admin);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(app.DataFolder));
        var files = new[] { "touchpoint.db", "touchpoint.db-wal", "touchpoint.db-shm", "touchpoint.key" }
            .Select(f => Path.Combine(app.DataFolder, f)).Where(File.Exists).ToList();
        Assert.Contains(files, f => f.EndsWith(".db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith(".key", StringComparison.Ordinal));
        foreach (var file in files)
        {
            Assert.True(File.GetUnixFileMode(file) == (UnixFileMode.UserRead | UnixFileMode.UserWrite), $"{file} is {File.GetUnixFileMode(file)}");
        }
    }
}
