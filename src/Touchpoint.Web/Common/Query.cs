using System.Text.Json;
using Touchpoint.Core.Common;

namespace Touchpoint.Web.Common;

/// <summary>Query-string values that need a clear message when they are wrong.</summary>
internal static class Query
{
    public static TEnum? Enum<TEnum>(string? value, string name) where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        foreach (var candidate in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(JsonNamingPolicy.CamelCase.ConvertName(candidate.ToString()), value, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }
        throw NotInList<TEnum>(value, name);
    }

    private static DomainException NotInList<TEnum>(string? value, string name) where TEnum : struct, Enum
    {
        var names = System.Enum.GetNames<TEnum>().Select(JsonNamingPolicy.CamelCase.ConvertName);
        return DomainException.Invalid(name, Messages.Get("ValueNotInList", $"\"{value}\"", Messages.Field(name), string.Join(", ", names)));
    }

    /// <summary>A value the route needs (a path segment): blank is refused like any other value not in the list.</summary>
    public static TEnum RequiredEnum<TEnum>(string? value, string name) where TEnum : struct, Enum =>
        Enum<TEnum>(value, name) ?? throw NotInList<TEnum>(value, name);

    /// <summary>
    /// An endpoint filter for the whole API: a NUL character in a query or path value is refused with a 400 naming
    /// it, before it reaches a filter in SQL (PostgreSQL refuses NUL in text and would answer with an error).
    /// </summary>
    public static ValueTask<object?> RefuseNulAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var values = request.Query.SelectMany(q => q.Value.Select(v => (q.Key, Value: v)))
            .Concat(request.RouteValues.Select(r => (r.Key, Value: r.Value as string)));
        foreach (var (name, value) in values)
        {
            if (value is not null && value.Contains('\0', StringComparison.Ordinal))
            {
                throw DomainException.Invalid(name, Messages.Get("TextHasNul", Messages.Field(name)));
            }
        }
        return next(context);
    }
}
