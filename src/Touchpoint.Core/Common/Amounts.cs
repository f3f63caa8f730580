namespace Touchpoint.Core.Common;

/// <summary>
/// Money (Cost (LCY), Unit Cost (LCY)) and durations (minutes): two decimals, never negative (BC's MinValue 0 on the
/// template, segment and line fields; the entry's own fields are not editable and come from them), and at most
/// 999,999,999.99 on both databases. The bound keeps every stored value the same on SQLite and PostgreSQL and every
/// total exact: an entry is at most 10^11 hundredths, so a day's pre-summed total (a 64-bit integer of hundredths)
/// holds over 92 million entries at the maximum, and sums over days are read as decimals (exact to 7.9 × 10^28).
/// </summary>
public static class Amounts
{
    public const decimal Max = 999_999_999.99m;

    public static bool InRange(decimal value) => value is >= 0 and <= Max;

    /// <summary>Adds the field's error when <paramref name="value"/> is out of range; true when it is in range (or absent).</summary>
    public static bool Check(decimal? value, string field, FieldErrors errors)
    {
        if (value is not { } amount || InRange(amount))
        {
            return true;
        }
        errors.Add(field, amount < 0
            ? Messages.Get("MustNotBeNegative", Messages.Field(field))
            : Messages.Get("AmountTooLarge", Messages.Field(field), Max.ToString("N2", System.Globalization.CultureInfo.CurrentCulture)));
        return false;
    }

    /// <summary>A field of an entity's change: the current value when not sent, blank is 0, out of range refused.</summary>
    public static decimal Read(Optional<decimal?> value, decimal current, string field, FieldErrors errors)
    {
        if (!value.IsSet)
        {
            return current;
        }
        var amount = value.Value ?? 0;
        return Check(amount, field, errors) ? decimal.Round(amount, 2) : current;
    }
}
