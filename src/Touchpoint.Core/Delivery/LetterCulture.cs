using System.Collections.Frozen;
using System.Globalization;

namespace Touchpoint.Core.Delivery;

/// <summary>
/// The culture a letter is written in, from its language code. Language codes are BC's, which are Windows' three-letter
/// language names (ENU = en-US, ENG = en-GB, NLD = nl-NL, SVE = sv-SE, RUS = ru-RU, DEU = de-DE); a code that is a
/// culture name itself ("nl", "sv-SE") is taken as such; anything else, or no code, is the invariant culture.
/// </summary>
public static class LetterCulture
{
    // Built once from the cultures the runtime knows; several can share a Windows name only where the runtime has no
    // Windows name for them ("ZZZ"), so the first one with a real name is the one Windows means.
    private static readonly Lazy<FrozenDictionary<string, CultureInfo>> ByWindowsName = new(() =>
        CultureInfo.GetCultures(CultureTypes.SpecificCultures)
            .Where(c => c.ThreeLetterWindowsLanguageName is { Length: 3 } name && name != "ZZZ")
            .GroupBy(c => c.ThreeLetterWindowsLanguageName, StringComparer.OrdinalIgnoreCase)
            .ToFrozenDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase));

    public static CultureInfo For(string? languageCode)
    {
        var code = languageCode?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            return CultureInfo.InvariantCulture;
        }
        if (ByWindowsName.Value.TryGetValue(code, out var culture))
        {
            return culture;
        }
        try
        {
            culture = CultureInfo.GetCultureInfo(code, predefinedOnly: true);
            return culture;
        }
        catch (CultureNotFoundException)
        {
            return CultureInfo.InvariantCulture;
        }
    }

    /// <summary>
    /// The date as a letter shows it: the culture's long date without the weekday ("3 december 2026",
    /// "December 3, 2026", "3 декабря 2026 г."), since letters are dated, not weekday-named.
    /// </summary>
    public static string LetterDate(DateOnly date, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var pattern = culture.DateTimeFormat.LongDatePattern;
        var withoutWeekday = pattern.Replace("dddd", "", StringComparison.Ordinal)
            .TrimStart(' ', ',', '.', '\u060C').TrimEnd(' ', ',', '\u060C');
        return date.ToString(withoutWeekday.Length == 0 ? pattern : withoutWeekday, culture);
    }
}
