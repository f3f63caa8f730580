namespace Touchpoint.Core.Common;

/// <summary>
/// A field of a partial update (PATCH): either not given (leave the stored value) or given, possibly as null
/// (clear it). A plain nullable cannot tell "absent" from "set to null".
/// </summary>
public readonly record struct Optional<T>(bool IsSet, T Value)
{
    public static implicit operator Optional<T>(T value) => new(true, value);

    public T Or(T current) => IsSet ? Value : current;
}
