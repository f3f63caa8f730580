using System.Globalization;
using System.Resources;

[assembly: NeutralResourcesLanguage("en")]

namespace Touchpoint.Core.Common;

/// <summary>
/// Every text the server says to a person or an API caller: domain refusals, field messages, API problems. English is
/// in Messages.resx, the translations in Messages.nl/.sv/.ru.resx. The language is the current UI culture: the
/// request's in the web host (its request localization sets it from the culture cookie or Accept-Language), the
/// machine's in the CLI; a language without translations gets English.
/// </summary>
public static class Messages
{
    private const string FieldPrefix = "Field_";

    private static readonly ResourceManager Resources = new(typeof(Messages));

    /// <summary>The text of <paramref name="key"/> in the current UI language, its placeholders filled in.</summary>
    public static string Get(string key, params object?[] args)
    {
        var text = Resources.GetString(key, CultureInfo.CurrentUICulture) ?? key;
        return args.Length == 0 ? text : string.Format(CultureInfo.CurrentCulture, text, args);
    }

    /// <summary>
    /// The caption of an API field for messages that name it ("name" → "Name", "Naam", "Namn", "Имя"); a field
    /// without a caption is named by its API name. The error dictionaries keep the API names as keys.
    /// </summary>
    public static string Field(string field) =>
        Resources.GetString(FieldPrefix + field, CultureInfo.CurrentUICulture) ?? field;

    /// <summary>The English text of <paramref name="key"/>, null when there is no such key.</summary>
    public static string? English(string key) => Resources.GetString(key, CultureInfo.InvariantCulture);

    /// <summary>The text of <paramref name="key"/> in the current UI language, null when there is no such key.</summary>
    public static string? Find(string key) => Resources.GetString(key, CultureInfo.CurrentUICulture);
}
