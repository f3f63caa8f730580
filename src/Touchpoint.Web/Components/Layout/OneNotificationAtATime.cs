using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Touchpoint.Web.Components.Layout;

/// <summary>
/// The pages' notifications, one at a time: a new one replaces the one shown, rather than piling up (three after a few
/// quick saves covered the card's buttons) or waiting behind it in a queue (a question after "logged" would come five
/// seconds late). Every page asks for <see cref="ISnackbar"/> as before; this wraps MudBlazor's own service.
/// </summary>
internal sealed class OneNotificationAtATime(SnackbarService inner) : ISnackbar
{
    public IEnumerable<Snackbar> ShownSnackbars => inner.ShownSnackbars;

    public SnackbarConfiguration Configuration => inner.Configuration;

    public event Action? OnSnackbarsUpdated
    {
        add => inner.OnSnackbarsUpdated += value;
        remove => inner.OnSnackbarsUpdated -= value;
    }

    public Snackbar? Add(string message, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null)
    {
        inner.Clear();
        return inner.Add(message, severity, configure, key);
    }

    public Snackbar? Add(MarkupString message, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null)
    {
        inner.Clear();
        return inner.Add(message, severity, configure, key);
    }

    public Snackbar? Add(RenderFragment message, Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null)
    {
        inner.Clear();
        return inner.Add(message, severity, configure, key);
    }

    public Snackbar? Add<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>(Dictionary<string, object>? componentParameters = null,
        Severity severity = Severity.Normal, Action<SnackbarOptions>? configure = null, string? key = null)
        where T : IComponent
    {
        inner.Clear();
        return inner.Add<T>(componentParameters, severity, configure, key);
    }

    public void Clear() => inner.Clear();

    public void Remove(Snackbar snackbar) => inner.Remove(snackbar);

    public void RemoveByKey(string key) => inner.RemoveByKey(key);

    // The inner service belongs to the container, which disposes it.
    public void Dispose()
    {
    }
}
