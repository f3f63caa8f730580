using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Salespeople;

namespace Touchpoint.Persistence.Identity;

/// <summary>The user setup of Core, read from the Identity users (the name is the one Identity normalises).</summary>
internal sealed class IdentityUserSetup(TouchpointDbContext db) : IUserSetup
{
    public async Task<UserSetup?> FindAsync(string? userId, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(userId))
        {
            return null;
        }
        var normalized = userId.Trim().ToUpperInvariant();
        return await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized)
            .Select(u => new UserSetup(u.Email, u.SalespersonCode)).FirstOrDefaultAsync(ct);
    }
}
