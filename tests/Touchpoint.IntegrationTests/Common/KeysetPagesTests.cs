using Touchpoint.Core.Common;
using Touchpoint.Web.Components.Shared;

namespace Touchpoint.IntegrationTests.Common;

/// <summary>
/// The lists' loads: a slow load (the whole list) overtaken by a newer one (a filter typed meanwhile) must not put its
/// rows under the newer filter, whichever of the two ends last.
/// </summary>
public sealed class KeysetPagesTests
{
    [Fact]
    public async Task A_load_overtaken_by_a_newer_one_answers_with_the_newer_rows_and_leaves_its_cursor()
    {
        var pages = new KeysetPages(2);
        var slow = new TaskCompletionSource<Page<string>>();
        var first = pages.LoadAsync("", (_, _) => slow.Task);
        var second = pages.LoadAsync("Ams", (_, _) => Task.FromResult(new Page<string>(["Amsterdam"], null)));
        Assert.Equal(["Amsterdam"], (await second).Value);

        // The unfiltered page arrives last, with a next page of its own.
        slow.SetResult(new Page<string>(["Aachen", "Berlin"], "cursor-of-the-whole-list"));
        Assert.Equal(["Amsterdam"], (await first).Value);
        Assert.False(pages.HasNext);
        Assert.Equal(1, pages.RowsOnPage);
    }

    [Fact]
    public async Task Other_filters_go_back_to_the_first_page_and_the_same_ones_keep_the_page()
    {
        var pages = new KeysetPages(1);
        string? asked = "none";
        Task<Page<string>> Fetch(int limit, string? cursor)
        {
            asked = cursor;
            return Task.FromResult(new Page<string>(["row"], cursor is null ? "page-2" : "page-3"));
        }

        await pages.LoadAsync(("Ams", "SP1"), Fetch);
        pages.Next();
        await pages.LoadAsync(("Ams", "SP1"), Fetch);
        Assert.Equal("page-2", asked);
        Assert.Equal(1, pages.Index);

        await pages.LoadAsync(("Ams", "SP2"), Fetch);
        Assert.Null(asked);
        Assert.Equal(0, pages.Index);
    }
}
