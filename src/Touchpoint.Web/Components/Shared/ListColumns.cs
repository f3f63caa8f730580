using Microsoft.AspNetCore.Components.Server.ProtectedBrowserStorage;

namespace Touchpoint.Web.Components.Shared;

/// <summary>
/// A column of a list as the column chooser offers it. A key column (the entry no., the contact's no. and name) is
/// always shown: without it a row cannot be told from the next. <paramref name="Sort"/> is the API's sort name.
/// </summary>
public sealed record ListColumn(string Id, string Title, bool Key = false, bool ShownByDefault = true, string? Sort = null);

/// <summary>
/// The columns a user shows in a list and their order: the list's own until the user changes them, then theirs
/// (<see cref="ListColumnsStore"/>). Columns added to the list later appear where the list puts them.
/// </summary>
public sealed class ListColumns
{
    private readonly List<string> _order = [];
    private readonly HashSet<string> _hidden = [];

    public ListColumns(IReadOnlyList<ListColumn> columns)
    {
        Columns = columns;
        Reset();
    }

    public IReadOnlyList<ListColumn> Columns { get; }

    /// <summary>Every column in the user's order, shown or not.</summary>
    public IEnumerable<ListColumn> Ordered => _order.Select(Find);

    /// <summary>The columns shown, in the user's order.</summary>
    public IReadOnlyList<ListColumn> Visible => [.. Ordered.Where(c => !_hidden.Contains(c.Id))];

    public bool IsShown(string id) => !_hidden.Contains(id);

    public bool IsDefault => _order.SequenceEqual(Columns.Select(c => c.Id)) && _hidden.SetEquals(Columns.Where(c => !c.ShownByDefault).Select(c => c.Id));

    public void Reset()
    {
        _order.Clear();
        _order.AddRange(Columns.Select(c => c.Id));
        _hidden.Clear();
        _hidden.UnionWith(Columns.Where(c => !c.ShownByDefault && !c.Key).Select(c => c.Id));
    }

    public void Show(string id, bool shown)
    {
        if (shown || Find(id).Key)
        {
            _hidden.Remove(id);
        }
        else
        {
            _hidden.Add(id);
        }
    }

    /// <summary>Moves a column one place left (-1) or right (+1).</summary>
    public void Move(string id, int by)
    {
        var from = _order.IndexOf(id);
        var to = from + by;
        if (from < 0 || to < 0 || to >= _order.Count)
        {
            return;
        }
        (_order[from], _order[to]) = (_order[to], _order[from]);
    }

    public StoredColumns ToStored() => new([.. _order], [.. _hidden]);

    /// <summary>A user's stored choice; names of columns the list no longer has are dropped, new ones keep their place.</summary>
    public void Apply(StoredColumns? stored)
    {
        Reset();
        if (stored?.Order is not { } order)
        {
            return;
        }
        var known = order.Where(id => Columns.Any(c => c.Id == id)).Distinct().ToList();
        foreach (var column in Columns.Where(c => !known.Contains(c.Id)))
        {
            // A column the user never saw goes after the one the list puts before it.
            var before = Columns.TakeWhile(c => c != column).Select(c => c.Id).LastOrDefault(known.Contains);
            known.Insert(before is null ? 0 : known.IndexOf(before) + 1, column.Id);
        }
        _order.Clear();
        _order.AddRange(known);
        _hidden.Clear();
        _hidden.UnionWith((stored.Hidden ?? []).Where(id => Columns.Any(c => c.Id == id && !c.Key)));
        // A column the user never saw is hidden or shown as the list shows it.
        _hidden.UnionWith(Columns.Where(c => !c.ShownByDefault && !c.Key && !order.Contains(c.Id)).Select(c => c.Id));
    }

    private ListColumn Find(string id) => Columns.First(c => c.Id == id);
}

/// <summary>The columns a user chose for a list, as kept in their browser.</summary>
public sealed record StoredColumns(string[] Order, string[] Hidden);

/// <summary>
/// Each user's columns of each list, kept in the user's browser as the recent records are
/// (<see cref="UserBrowserStorage"/>): a matter of taste, not of record, so no table and no audit entry; the cost is
/// that another browser starts with the list's own columns.
/// </summary>
public static class ListColumnsStore
{
    public static Task<StoredColumns?> ReadAsync(ProtectedLocalStorage storage, string user, string list) =>
        For(list).ReadAsync<StoredColumns>(storage, user);

    public static ValueTask WriteAsync(ProtectedLocalStorage storage, string user, string list, StoredColumns columns) =>
        For(list).WriteAsync(storage, user, columns);

    public static ValueTask DeleteAsync(ProtectedLocalStorage storage, string user, string list) =>
        For(list).DeleteAsync(storage, user);

    private static UserBrowserStorage For(string list) => new($"tp-columns-{list}-", $"Touchpoint.ListColumns.{list}.");
}
