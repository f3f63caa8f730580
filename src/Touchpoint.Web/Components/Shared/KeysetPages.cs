using Touchpoint.Core.Common;

namespace Touchpoint.Web.Components.Shared;

/// <summary>
/// Page navigation over a keyset-paged list (docs/api.md: limit + opaque cursor). The cursor that fetched each page seen so
/// far is kept, so Previous goes back without counting rows; Next uses the cursor the current page returned.
/// </summary>
public sealed class KeysetPages
{
    private readonly List<string?> _cursors = [null];
    private readonly NewestLoad _loads = new();
    private object? _filters;

    public KeysetPages(int pageSize = 50) => PageSize = pageSize;

    public int PageSize { get; private set; }

    /// <summary>Zero-based index of the page shown.</summary>
    public int Index { get; private set; }

    /// <summary>The cursor to fetch the page shown.</summary>
    public string? Cursor => _cursors[Index];

    public string? NextCursor { get; private set; }

    public int RowsOnPage { get; private set; }

    public bool HasPrevious => Index > 0;

    public bool HasNext => NextCursor is not null;

    /// <summary>Back to the first page, as after a change of filter or sort.</summary>
    public void Reset()
    {
        _cursors.Clear();
        _cursors.Add(null);
        Index = 0;
        NextCursor = null;
    }

    public void SetPageSize(int pageSize)
    {
        PageSize = pageSize;
        Reset();
    }

    /// <summary>
    /// Fetches the page shown for the list's <paramref name="filters"/> (a value compared by Equals, such as a tuple or a
    /// record), back on the first page when they differ from the last load's. MudTable keeps the rows of whichever
    /// ServerData call ends last, so a slow load overtaken by a newer one (a filter typed meanwhile) would put its rows
    /// under the newer filter: every load answers with the newest load's page (<see cref="NewestLoad"/>), and the pages
    /// record only that one.
    /// </summary>
    public async Task<Page<T>> LoadAsync<T>(object? filters, Func<int, string?, Task<Page<T>>> fetch)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        if (!Equals(_filters, filters))
        {
            Reset();
            _filters = filters;
        }
        var page = await _loads.RunAsync(_ => fetch(PageSize, Cursor));
        Loaded(page.Value.Count, page.NextCursor);
        return page;
    }

    /// <summary>Records what the page just fetched returned.</summary>
    public void Loaded(int rows, string? nextCursor)
    {
        RowsOnPage = rows;
        NextCursor = nextCursor;
    }

    public void Next()
    {
        if (NextCursor is null)
        {
            return;
        }
        // Pages after the next one were read with an older cursor; drop them rather than trust them.
        _cursors.RemoveRange(Index + 1, _cursors.Count - Index - 1);
        _cursors.Add(NextCursor);
        Index++;
    }

    public void Previous()
    {
        if (Index > 0)
        {
            Index--;
        }
    }

    public void First() => Index = 0;
}
