using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Touchpoint.Core.Common;
using Touchpoint.Core.Demo;
using Touchpoint.Persistence;
using Touchpoint.Persistence.Identity;

namespace Touchpoint.Web.Hosting;

/// <summary>
/// Start-up work, in order, under the database's start-up lock (instances starting together on one database take turns,
/// <see cref="IDatabaseProvider.LockForStartupAsync"/>): migrations (or, with
/// <see cref="DatabaseStartupOptions.MigrateAtStartup"/> off, a check that none is pending), base setup (number series, template setup record), roles, the admin
/// bootstrap (<see cref="AdminOptions"/>), and the demo company when <see cref="StartupOptions.SeedDemoData"/> is on and the
/// database is empty.
/// </summary>
public sealed class DatabaseInitializer(
    TouchpointDbContext db,
    IDatabaseProvider provider,
    BaseSetup baseSetup,
    SeedDemoCompany demo,
    UserManager<TouchpointUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<AdminOptions> adminOptions,
    IOptions<StartupOptions> startupOptions,
    IHostEnvironment environment,
    ILogger<DatabaseInitializer> logger)
{
    public async Task RunAsync(CancellationToken ct = default)
    {
        await using var startupLock = await provider.LockForStartupAsync(db, ct);
        if (startupOptions.Value.Database.MigrateAtStartup)
        {
            await db.Database.MigrateAsync(ct);
        }
        else
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
            if (pending.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The database has {pending.Count} migration(s) to apply ({string.Join(", ", pending)}) and "
                    + $"{DatabaseStartupOptions.MigrateAtStartupKey} is false: run `touchpoint db migrate` first, then start Touchpoint again.");
            }
        }
        await baseSetup.EnsureAsync(ct);
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
        await EnsureAdminAsync();
        var seed = startupOptions.Value.SeedDemoData ?? environment.IsDevelopment();
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        if (seed && await demo.HandleAsync(ct))
        {
            logger.LogInformation("The demo company was added to the empty database in {Ms} ms.",
                (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    private async Task EnsureAdminAsync()
    {
        var email = adminOptions.Value.Email?.Trim();
        var password = adminOptions.Value.Password;
        if (!string.IsNullOrWhiteSpace(email))
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                if (string.IsNullOrEmpty(password))
                {
                    throw new InvalidOperationException(
                        $"{AdminOptions.Section}:{nameof(AdminOptions.Email)} names no user yet, so {AdminOptions.Section}:{nameof(AdminOptions.Password)} must be set too.");
                }
                user = new TouchpointUser { UserName = email, Email = email, EmailConfirmed = true };
                Check(await users.CreateAsync(user, password), "create the configured admin");
                logger.LogInformation("Admin {Email} created from configuration.", email);
            }
            if (!await users.IsInRoleAsync(user, Roles.Admin))
            {
                Check(await users.AddToRoleAsync(user, Roles.Admin), "make the configured user an admin");
            }
            return;
        }
        if (await users.Users.AnyAsync())
        {
            return;
        }
        // First start with no users and no configured admin: make one and say its password once.
        const string firstEmail = "admin@touchpoint.local";
        var generated = Users.UserAdministration.GeneratePassword();
        var admin = new TouchpointUser { UserName = firstEmail, Email = firstEmail, EmailConfirmed = true, SalespersonCode = null };
        Check(await users.CreateAsync(admin, generated), "create the first admin");
        Check(await users.AddToRoleAsync(admin, Roles.Admin), "make the first user an admin");
        // Written to the console directly (not only the log) so that it is seen even with logging turned down.
        Console.WriteLine();
        Console.WriteLine("  ┌──────────────────────────────────────────────────────────────");
        Console.WriteLine("  │ Touchpoint created the first admin. Sign in with:");
        Console.WriteLine($"  │   email:    {firstEmail}");
        Console.WriteLine($"  │   password: {generated}");
        Console.WriteLine("  │ This password is shown only once. Change it or add users under Setup → Users.");
        Console.WriteLine("  └──────────────────────────────────────────────────────────────");
        Console.WriteLine();
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
