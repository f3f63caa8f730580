namespace Touchpoint.Core.Salespeople;

/// <summary>BC's User Setup as far as the defaults need it: the signed-in user's e-mail and salesperson link.</summary>
public sealed record UserSetup(string? Email, string? SalespersonCode);

/// <summary>
/// Finds a user's setup by the name the user signs in with. The users live in the identity store, outside Core;
/// Touchpoint.Persistence answers from there.
/// </summary>
public interface IUserSetup
{
    /// <summary>The user's setup, or null for an unknown or empty user id (a caller without a user).</summary>
    Task<UserSetup?> FindAsync(string? userId, CancellationToken ct = default);
}
