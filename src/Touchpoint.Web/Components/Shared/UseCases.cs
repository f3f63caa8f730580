namespace Touchpoint.Web.Components.Shared;

/// <summary>
/// Runs a use-case handler in a DI scope of its own. A Blazor Server circuit lives for the whole visit, and so would a
/// handler injected straight into a page, with one DbContext for every click: two overlapping loads (a list and an
/// autocomplete) would collide on it, and an update refused half-way would leave its changed entity tracked for the
/// next save. A scope per call gives each call a fresh DbContext, as a web request has.
/// </summary>
public static class UseCases
{
    public static async Task<TResult> RunAsync<THandler, TResult>(this IServiceScopeFactory scopes, Func<THandler, Task<TResult>> work)
        where THandler : notnull
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = scopes.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<THandler>());
    }

    public static async Task RunAsync<THandler>(this IServiceScopeFactory scopes, Func<THandler, Task> work)
        where THandler : notnull
    {
        ArgumentNullException.ThrowIfNull(scopes);
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = scopes.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<THandler>());
    }
}
