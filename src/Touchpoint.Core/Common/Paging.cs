using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Touchpoint.Core.Common;

/// <summary>One page of a list: keyset-paged, so the cost of a page does not grow with its position.</summary>
public sealed record Page<T>(IReadOnlyList<T> Value, string? NextCursor);

/// <summary>
/// The opaque cursor of the API (docs/api.md): the sort key of the last row of the previous page. It is base64url-encoded JSON so
/// that a client cannot rely on its shape. Whatever a client makes of it, a cursor that does not decode to the keys of
/// that list (count, text, and the typed readers below) is a 400 on the "cursor" field, never an exception further on.
/// </summary>
public static class Cursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public static string Encode(params string[] keys) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(keys)));

    // No key of any list is longer: codes are at most 20 characters, names 100.
    private const int MaxKeyLength = 250;

    public static string[]? Decode(string? cursor, int expectedKeys)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }
        try
        {
            var keys = cursor.Length <= 4 * MaxKeyLength * expectedKeys
                ? JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(cursor))
                : null;
            if (keys is not null && keys.Length == expectedKeys && keys.All(k => k is { Length: <= MaxKeyLength } && !k.Contains('\0', StringComparison.Ordinal)))
            {
                return keys;
            }
        }
        // InvalidOperationException: an escaped lone surrogate, which System.Text.Json will not turn into a string.
        catch (Exception e) when (e is FormatException or JsonException or InvalidOperationException)
        {
        }
        throw Invalid();
    }

    /// <summary>A key that should be a number (an entry or line no.).</summary>
    public static long Long(string key) =>
        long.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid();

    public static int Int(string key) =>
        int.TryParse(key, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : throw Invalid();

    public static DateOnly Date(string key) =>
        DateOnly.TryParseExact(key, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : throw Invalid();

    public static TimeOnly Time(string key) =>
        TimeOnly.TryParseExact(key, "O", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : throw Invalid();

    private static DomainException Invalid() => DomainException.Invalid("cursor", Messages.Get("CursorNotValid"));

    public static int Limit(int? limit)
    {
        if (limit is null)
        {
            return DefaultLimit;
        }
        if (limit < 1 || limit > MaxLimit)
        {
            throw DomainException.Invalid("limit", Messages.Get("LimitOutOfRange", MaxLimit));
        }
        return limit.Value;
    }
}

/// <summary>Turns "limit + 1 rows" into a page and the cursor of its last row.</summary>
public static class Paged
{
    /// <summary>
    /// Every row of a keyset-paged list, page after page of the largest size (the exports): one page is held at a time,
    /// each costs what the first costs, and the rows come in the list's own order with its own filters.
    /// </summary>
    public static async IAsyncEnumerable<T> AllAsync<T>(Func<int, string?, Task<Page<T>>> page,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct = default)
    {
        string? cursor = null;
        do
        {
            ct.ThrowIfCancellationRequested();
            var rows = await page(Cursor.MaxLimit, cursor);
            foreach (var row in rows.Value)
            {
                yield return row;
            }
            cursor = rows.NextCursor;
        }
        while (cursor is not null);
    }

    public static Page<T> Of<T>(List<T> rows, int limit, Func<T, string[]> key)
    {
        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            next = Cursor.Encode(key(rows[^1]));
        }
        return new Page<T>(rows, next);
    }
}
