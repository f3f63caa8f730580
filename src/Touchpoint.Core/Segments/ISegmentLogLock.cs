using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

/// <summary>
/// Rule 43 when two logs of one segment start at once: the database's way of letting only one of them go on. Each
/// provider holds it as its locking allows (PostgreSQL: the header row, refused at once when taken; SQLite: its one
/// writer at a time, so the second log waits and then finds the segment logged).
/// </summary>
public interface ISegmentLogLock
{
    /// <summary>
    /// Takes the segment for the caller's transaction, until it ends. False when another transaction has it: the
    /// caller answers 409 at once rather than wait for a log that may take seconds.
    /// </summary>
    Task<bool> TryTakeAsync(ITouchpointDb db, string segmentNo, CancellationToken ct);
}
