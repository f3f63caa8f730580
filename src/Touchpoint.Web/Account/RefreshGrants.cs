using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Touchpoint.Persistence;
using Touchpoint.Persistence.Identity;

namespace Touchpoint.Web.Account;

/// <summary>
/// Single-use refresh tokens. Each bearer sign-in and each refresh stores a grant (a random id, the user, when it runs
/// out) and puts its id in the tokens as a claim; redeeming a refresh token deletes its grant in one statement, so a
/// second use of the same token (a replay, or a race of two) finds nothing and is refused. Other sessions of the user
/// keep their own grants. The security stamp in the token still has to match, so a password change, a role change,
/// disabling or signing out refuses every refresh token of the user as well.
/// </summary>
public sealed class RefreshGrants(TouchpointDbContext db, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock)
{
    public const string ClaimType = "touchpoint:refresh";

    public async Task<Claim> IssueAsync(string userId)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        // Grants of this user that ran out are cleared on the way, so the table holds live sessions only.
        await db.RefreshTokenGrants.Where(g => g.UserId == userId && g.ExpiresUtc < now).ExecuteDeleteAsync();
        var grant = new RefreshTokenGrant
        {
            Id = Guid.NewGuid().ToString("N"),
            UserId = userId,
            ExpiresUtc = now + bearer.Get(Microsoft.AspNetCore.Identity.IdentityConstants.BearerScheme).RefreshTokenExpiration,
        };
        db.RefreshTokenGrants.Add(grant);
        await db.SaveChangesAsync();
        db.Entry(grant).State = EntityState.Detached;
        return new Claim(ClaimType, grant.Id);
    }

    /// <summary>True once for the grant the refresh token names; false when it was used already or never existed.</summary>
    public async Task<bool> RedeemAsync(string userId, ClaimsPrincipal refreshPrincipal)
    {
        var id = refreshPrincipal.FindFirstValue(ClaimType);
        return id is not null && await db.RefreshTokenGrants.Where(g => g.Id == id && g.UserId == userId).ExecuteDeleteAsync() == 1;
    }

    public Task RevokeAllAsync(string userId) => db.RefreshTokenGrants.Where(g => g.UserId == userId).ExecuteDeleteAsync();
}
