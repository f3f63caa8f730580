using Touchpoint.Core.Common;

namespace Touchpoint.Core.Common;

/// <summary>
/// Idempotency records by the thousand (an imported file of document events: one per logged line), written the way the
/// database takes them fastest (SQLite: one prepared INSERT reused; PostgreSQL: binary COPY), without EF Core change
/// tracking, as <see cref="Interactions.IInteractionLogEntryBulkWriter"/> writes the entries they answer for.
/// </summary>
public interface IIdempotencyRecordBulkWriter
{
    /// <summary>
    /// Writes the records on the DbContext's connection, inside the transaction the caller has begun. A key that is
    /// already there fails the write with the database's unique violation, as a single insert would.
    /// </summary>
    Task WriteAsync(ITouchpointDb db, IReadOnlyList<IdempotencyRecord> records, CancellationToken ct);
}
