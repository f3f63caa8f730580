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
        var names = System.Enum.GetNames<TEnum>().Select(JsonNamingPolicy.CamelCase.ConvertName);
        throw DomainException.Invalid(name, Messages.Get("ValueNotInList", $"\"{value}\"", Messages.Field(name), string.Join(", ", names)));
    }
}
