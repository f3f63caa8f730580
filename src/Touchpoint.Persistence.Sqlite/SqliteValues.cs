using System.Globalization;
using SQLitePCL;

namespace Touchpoint.Persistence.Sqlite;

/// <summary>Values bound as EF Core stores them, checked against rows EF saved (see the writers that use them).</summary>
internal static class SqliteValues
{
    public static void Text(sqlite3_stmt statement, int index, string? value) =>
        _ = value is null ? raw.sqlite3_bind_null(statement, index) : raw.sqlite3_bind_text(statement, index, value);

    public static void Integer(sqlite3_stmt statement, int index, long? value) =>
        _ = value is { } v ? raw.sqlite3_bind_int64(statement, index, v) : raw.sqlite3_bind_null(statement, index);

    public static long Bool(bool value) => value ? 1 : 0;

    // EF Core's SqliteDateOnlyTypeMapping / SqliteTimeOnlyTypeMapping / SqliteDecimalTypeMapping formats.
    public static string Date(DateOnly value) => value.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly value) =>
        value.Ticks % TimeSpan.TicksPerSecond == 0
            ? value.ToString(@"HH\:mm\:ss", CultureInfo.InvariantCulture)
            : value.ToString(@"HH\:mm\:ss\.fffffff", CultureInfo.InvariantCulture);

    public static string Decimal(decimal value) => value.ToString("0.0###########################", CultureInfo.InvariantCulture);

    // Microsoft.Data.Sqlite's text for a DateTimeOffset parameter, which EF Core's mapping hands it.
    public static string DateTimeOffsetText(DateTimeOffset value) =>
        value.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz", CultureInfo.InvariantCulture);
}
