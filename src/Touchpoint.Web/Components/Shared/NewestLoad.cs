namespace Touchpoint.Web.Components.Shared;

/// <summary>
/// A list's loads, newest first. MudTable keeps the rows of whichever ServerData call ends last, so a slow first load
/// (the whole list, with its count) that ended after the load of a filter typed meanwhile showed the unfiltered rows
/// under the filter. Every call here answers with the newest call's rows, and an older load is told it is stale, so
/// that it leaves the list's paging and count alone. One list's loads all answer with the same type.
/// </summary>
public sealed class NewestLoad
{
    private int _generation;
    private Task? _newest;

    /// <summary>Runs <paramref name="load"/>, which gets a question "am I still the newest load?" to ask after each await.</summary>
    public async Task<T> RunAsync<T>(Func<Func<bool>, Task<T>> load)
    {
        ArgumentNullException.ThrowIfNull(load);
        var generation = ++_generation;
        var task = load(() => generation == _generation);
        _newest = task;
        var result = await task;
        while (!ReferenceEquals(task, _newest))
        {
            task = (Task<T>)_newest!;
            result = await task;
        }
        return result;
    }
}
