using System.Globalization;

namespace Touchpoint.Core.Common;

/// <summary>The plural form a count takes in a language, as the key suffix its texts use.</summary>
public enum PluralForm
{
    /// <summary>1 (and in Russian 21, 31, …, 101).</summary>
    One,

    /// <summary>Russian only: 2–4, 22–24, … (not 12–14).</summary>
    Few,

    /// <summary>Every other count; the only other form in English, Dutch and Swedish.</summary>
    Many,
}

/// <summary>
/// Picks the plural form of a count by the language's rules: English, Dutch and Swedish have one and other; Russian
/// has one (1, 21, 101), few (2–4, 22–24) and many (0, 5–20, 25–30, 11–14). Texts come as "Key_One", "Key_Few",
/// "Key_Many"; a language with two forms has the same text in Few and Many.
/// </summary>
public static class Plural
{
    public static PluralForm Of(long count, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var n = Math.Abs(count);
        if (culture.TwoLetterISOLanguageName != "ru")
        {
            return n == 1 ? PluralForm.One : PluralForm.Many;
        }
        var lastTwo = n % 100;
        return (n % 10) switch
        {
            1 when lastTwo != 11 => PluralForm.One,
            >= 2 and <= 4 when lastTwo is < 12 or > 14 => PluralForm.Few,
            _ => PluralForm.Many,
        };
    }

    /// <summary>The resource key of <paramref name="key"/>'s form for the count: "EntriesCanceled_Few".</summary>
    public static string Key(string key, long count, CultureInfo culture) => $"{key}_{Of(count, culture)}";
}
