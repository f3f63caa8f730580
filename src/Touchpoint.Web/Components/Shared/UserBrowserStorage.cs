using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace Touchpoint.Web.Components.Shared;

/// <summary>
/// A value of one user's kept in the browser's local storage, encrypted and signed by the app's data protection: the
/// recent records, a list's columns. Each user's value is under a key of their own and readable only with their name
/// as the purpose, so on a shared computer one user's value is not shown to the next. A value written under other
/// keys or by an older version reads as none, rather than failing the page.
/// </summary>
/// <param name="KeyPrefix">The storage key before the user's hash: <c>tp-recent-</c>.</param>
/// <param name="PurposePrefix">The data-protection purpose before the user's name: <c>Touchpoint.RecentRecords.</c>.</param>
public sealed record UserBrowserStorage(string KeyPrefix, string PurposePrefix)
{
    public async Task<T?> ReadAsync<T>(ProtectedLocalStorage storage, string user) where T : class
    {
        ArgumentNullException.ThrowIfNull(storage);
        try
        {
            var stored = await storage.GetAsync<T>(Purpose(user), Key(user));
            return stored.Success ? stored.Value : null;
        }
        catch (Exception e) when (e is CryptographicException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    public ValueTask WriteAsync<T>(ProtectedLocalStorage storage, string user, T value) where T : class
    {
        ArgumentNullException.ThrowIfNull(storage);
        return storage.SetAsync(Purpose(user), Key(user), value);
    }

    public ValueTask DeleteAsync(ProtectedLocalStorage storage, string user)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return storage.DeleteAsync(Key(user));
    }

    private string Purpose(string user) => PurposePrefix + user.ToUpperInvariant();

    private string Key(string user) =>
        KeyPrefix + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(user.ToUpperInvariant())))[..16].ToLowerInvariant();
}
