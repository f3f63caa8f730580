using System.Data.Common;

namespace Touchpoint.Core.Common;

/// <summary>What a database error means, for the few places that answer it instead of failing.</summary>
public static class DatabaseErrors
{
    /// <summary>PostgreSQL's unique_violation (23505), or SQLite's "UNIQUE constraint failed" (SqliteException has no SqlState).</summary>
    public static bool IsUniqueViolation(DbException? ex) =>
        ex is not null && (ex.SqlState == "23505" || ex.Message.Contains("UNIQUE constraint failed", StringComparison.Ordinal));
}
