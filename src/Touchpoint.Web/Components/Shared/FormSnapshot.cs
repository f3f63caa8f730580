using System.Text.Json;

namespace Touchpoint.Web.Components.Shared;

/// <summary>
/// What a card's form held when it was loaded or saved, to tell whether the user changed it since
/// (<see cref="UnsavedChangesGuard"/>). Cards make a new form object each time they load or save a record, so a form
/// seen for the first time is taken as it is; a card that goes on with the same form after saving (a new record's
/// card before it navigates to the record) calls <see cref="Take"/>. The forms are plain property bags, so their
/// JSON is a faithful fingerprint.
/// </summary>
public sealed class FormSnapshot
{
    private object? _form;
    private string? _taken;

    public void Take(object? form)
    {
        _form = form;
        _taken = Of(form);
    }

    public bool Differs(object? form)
    {
        if (form is null)
        {
            return false;
        }
        if (!ReferenceEquals(form, _form))
        {
            Take(form);
            return false;
        }
        return _taken != Of(form);
    }

    private static string Of(object? form) => form is null ? "" : JsonSerializer.Serialize(form, form.GetType());
}
