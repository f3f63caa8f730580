using Touchpoint.Core.Common;

namespace Touchpoint.Web.Components.Shared;

/// <summary>
/// What a form shows after a refused save: the messages per field (at the fields, by their camelCase API names) and
/// the overall message (in an alert).
/// </summary>
public sealed class FormErrors
{
    private readonly Dictionary<string, string> _fields = new(StringComparer.Ordinal);

    public string? Message { get; private set; }

    public bool Any => Message is not null || _fields.Count > 0;

    public bool Has(string field) => _fields.ContainsKey(field);

    public string? Text(string field) => _fields.GetValueOrDefault(field);

    public void Clear()
    {
        _fields.Clear();
        Message = null;
    }

    /// <summary>
    /// Takes the refusal: field messages go to their fields and the alert only says to look at them
    /// (<paramref name="fieldsSummary"/>); a refusal without fields (a conflict, a missing record) goes to the alert.
    /// </summary>
    public void Set(DomainException exception, string fieldsSummary)
    {
        ArgumentNullException.ThrowIfNull(exception);
        Clear();
        foreach (var (field, messages) in exception.Errors)
        {
            _fields[field] = string.Join(" ", messages);
        }
        Message = _fields.Count > 0 ? fieldsSummary : exception.Message;
    }

    /// <summary>A check the page makes itself before calling the use case (its message is already localized).</summary>
    public void Add(string field, string message) => _fields[field] = message;

    public void SetMessage(string message) => Message = message;
}
