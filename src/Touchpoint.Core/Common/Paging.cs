using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace Touchpoint.Core.Common;

/// <summary>One page of a list: keyset-paged, so the cost of a page does not grow with its position.</summary>
public sealed record Page<T>(IReadOnlyList<T> Value, string? NextCursor);

/// <summary>
/// The opaque cursor of the API (docs/api.md): the sort key of the last row of the previous page. It is base64url-encoded JSON so
/// that a client cannot rely on its shape; a cursor that does not decode is a 400 on the "cursor" field.
/// </summary>
public static class Cursor
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 1000;

    public static string Encode(params string[] keys) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(keys)));

    public static string[]? Decode(string? cursor, int expectedKeys)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }
        try
        {
            var keys = JsonSerializer.Deserialize<string[]>(Base64Url.DecodeFromChars(cursor));
            if (keys is not null && keys.Length == expectedKeys)
            {
                return keys;
            }
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
        }
        throw DomainException.Invalid("cursor", Messages.Get("CursorNotValid"));
    }

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
