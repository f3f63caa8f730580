using System.Globalization;
using Microsoft.Extensions.Localization;
using Touchpoint.Core.Common;

namespace Touchpoint.Web.Common;

/// <summary>A text about a count in the user's language and its plural form ("Key_One", "Key_Few", "Key_Many").</summary>
public static class PluralText
{
    /// <summary>The text's first placeholder is the count, written as the culture writes numbers.</summary>
    public static string Plural(this IStringLocalizer l, string key, long count, params object[] more)
    {
        ArgumentNullException.ThrowIfNull(l);
        var culture = CultureInfo.CurrentUICulture;
        return l[Core.Common.Plural.Key(key, count, culture), [count.ToString("N0", CultureInfo.CurrentCulture), .. more]];
    }
}
