using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

/// <summary>
/// The logging pipeline's bulk path, for many entries at once (every path of the logging pipeline, a single interaction as a batch of one): rows go to the database the way it
/// takes them fastest (SQLite: one prepared INSERT of 100 rows reused; PostgreSQL: binary COPY), without EF Core change tracking,
/// which is 11–14× slower (benchmarks/README.md). The entries come from <see cref="InteractionLogEntry.From"/> like every other
/// entry; the database numbers them.
/// </summary>
public interface IInteractionLogEntryBulkWriter
{
    /// <summary>
    /// Writes a batch on the DbContext's connection, inside the transaction the caller has begun, so the entries land
    /// with everything else the caller writes or not at all. Returns the numbers the entries were given, in their order.
    /// The caller keeps <see cref="InteractionTotals"/>.
    /// </summary>
    Task<IReadOnlyList<long>> WriteAsync(ITouchpointDb db, IReadOnlyList<InteractionLogEntry> entries, CancellationToken ct);
}
