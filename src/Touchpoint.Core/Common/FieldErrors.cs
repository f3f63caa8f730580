namespace Touchpoint.Core.Common;

/// <summary>
/// Collects every problem with the input fields before anything is written, so that a caller learns of all of them
/// at once (as a form shows all its red fields), then throws one <see cref="DomainException"/>.
/// </summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public bool Has(string field) => _errors.ContainsKey(field);

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    public void Merge(FieldErrors other)
    {
        foreach (var (field, messages) in other._errors)
        {
            foreach (var message in messages)
            {
                Add(field, message);
            }
        }
    }

    /// <summary>
    /// BC's Text[n]/Code[n] lengths: a value longer than the field is refused, never cut. Messages name the field by
    /// its caption in the current language (<see cref="Messages.Field"/>); the error keys stay the API field names.
    /// </summary>
    public string? MaxLength(string field, string? value, int max)
    {
        if (value is not null && value.Length > max)
        {
            Add(field, Messages.Get("FieldTooLong", Messages.Field(field), max, value.Length));
        }
        return value;
    }

    public string? Required(string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Add(field, Messages.Get("FieldRequired", Messages.Field(field)));
        }
        return value;
    }

    public void ThrowIfAny()
    {
        if (!Any)
        {
            return;
        }
        var first = _errors.First();
        var message = _errors.Count == 1 && first.Value.Count == 1
            ? first.Value[0]
            : Messages.Get("FieldsNotValid", string.Join(", ", _errors.Keys.Select(Messages.Field)));
        throw new DomainException(DomainErrorKind.Invalid, message,
            _errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
    }
}
