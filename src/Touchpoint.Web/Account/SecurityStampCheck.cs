using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Touchpoint.Persistence.Identity;

namespace Touchpoint.Web.Account;

/// <summary>
/// Whether a cookie's or bearer token's security stamp is still its user's, for every request. Reading the user for
/// each one cost a fifth of the server's time under load (measured: benchmarks/README.md, POST /interactions), so a
/// stamp found current is trusted for <see cref="Lifetime"/> without reading again. A change made here (roles,
/// password, disabling, signing out: all go through <see cref="TouchpointUserManager"/>) takes effect at once: the
/// user is then read on every request for a <see cref="Lifetime"/>, so that a request that read the user before the
/// change was committed cannot keep the old stamp. A change made by another server of the same database (or by the
/// command line) takes effect within <see cref="Lifetime"/>.
/// </summary>
public sealed class SecurityStampCheck(TimeProvider clock, IOptions<IdentityOptions> identity)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    /// <summary>A stamp found current until a time; or, with no stamp, a user changed recently, not to be trusted until then.</summary>
    private sealed record Entry(string? Stamp, DateTimeOffset Until);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>
    /// The user of <paramref name="principal"/> exists, is not disabled, and the principal's stamp is theirs. The sign-in
    /// manager (and the user manager and database context behind it) is made only when the user is read.
    /// </summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(principal);
        ArgumentNullException.ThrowIfNull(services);
        var userId = principal.FindFirstValue(identity.Value.ClaimsIdentity.UserIdClaimType);
        var stamp = principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);
        var now = clock.GetUtcNow();
        if (userId is not null && stamp is not null && _entries.TryGetValue(userId, out var known) && known.Stamp == stamp && now < known.Until)
        {
            return true;
        }
        if (await services.GetRequiredService<SignInManager<TouchpointUser>>().ValidateSecurityStampAsync(principal) is null)
        {
            return false;
        }
        if (userId is not null && stamp is not null)
        {
            var entry = new Entry(stamp, now + Lifetime);
            // A change recorded meanwhile wins: the user just read may be the one from before it.
            _entries.AddOrUpdate(userId, entry, (_, old) => old.Stamp is null && now < old.Until ? old : entry);
        }
        return true;
    }

    /// <summary>The user's stamp, roles or state changed (or is about to, in a transaction not yet committed).</summary>
    public void Changed(string userId) => _entries[userId] = new Entry(null, clock.GetUtcNow() + Lifetime);
}

/// <summary>Identity's user manager, telling <see cref="SecurityStampCheck"/> of every change to a user it saves.</summary>
public sealed class TouchpointUserManager(
    IUserStore<TouchpointUser> store,
    IOptions<IdentityOptions> optionsAccessor,
    IPasswordHasher<TouchpointUser> passwordHasher,
    IEnumerable<IUserValidator<TouchpointUser>> userValidators,
    IEnumerable<IPasswordValidator<TouchpointUser>> passwordValidators,
    ILookupNormalizer keyNormalizer,
    IdentityErrorDescriber errors,
    IServiceProvider services,
    ILogger<UserManager<TouchpointUser>> logger,
    SecurityStampCheck stamps)
    : UserManager<TouchpointUser>(store, optionsAccessor, passwordHasher, userValidators, passwordValidators, keyNormalizer, errors, services, logger)
{
    protected override Task<IdentityResult> UpdateUserAsync(TouchpointUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        stamps.Changed(user.Id);
        return base.UpdateUserAsync(user);
    }

    public override Task<IdentityResult> DeleteAsync(TouchpointUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        stamps.Changed(user.Id);
        return base.DeleteAsync(user);
    }
}
