namespace Touchpoint.Core.Common;

/// <summary>How the API answers a refused request.</summary>
public enum DomainErrorKind
{
    /// <summary>400: the input breaks a rule.</summary>
    Invalid,
    /// <summary>409: the input clashes with the current state (duplicate, still in use, already done).</summary>
    Conflict,
    /// <summary>404: the thing named does not exist.</summary>
    NotFound,
    /// <summary>413: a file larger than allowed.</summary>
    TooLarge,
    /// <summary>415: a file of a kind that is not accepted.</summary>
    Unsupported,
    /// <summary>422: an Idempotency-Key sent again with another request.</summary>
    IdempotencyKeyReused,
    /// <summary>403: the signed-in user's role does not allow this (e.g. deleting a contact with history as a sales user).</summary>
    Forbidden,
}

/// <summary>
/// The one exception type by which entities and use cases refuse a request. It carries BC-style messages, and
/// per-field messages when the refusal is about input fields, so that the API and the UI can show them at the field.
/// </summary>
public sealed class DomainException : Exception
{
    public DomainException(DomainErrorKind kind, string message, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(message)
    {
        Kind = kind;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public DomainException() : this(DomainErrorKind.Invalid, Messages.Get("RequestNotValid")) { }

    public DomainException(string message) : this(DomainErrorKind.Invalid, message) { }

    public DomainException(string message, Exception innerException) : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]>();
    }

    public DomainErrorKind Kind { get; }

    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public static DomainException Invalid(string field, string message) =>
        new(DomainErrorKind.Invalid, message, new Dictionary<string, string[]> { [field] = [message] });

    public static DomainException Conflict(string message, string? field = null) =>
        new(DomainErrorKind.Conflict, message,
            field is null ? null : new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>A 403: the caller's role may not do this, with a message that says who may.</summary>
    public static DomainException Forbidden(string message) => new(DomainErrorKind.Forbidden, message);

    /// <summary>A 404 with its message, e.g. <c>NotFound(Messages.Get("ContactNotFound", no))</c>.</summary>
    public static DomainException NotFound(string message) => new(DomainErrorKind.NotFound, message);
}
