using Touchpoint.Core.Common;
using Touchpoint.Core.Segments;

namespace Touchpoint.Persistence.Sqlite.Segments;

/// <summary>
/// Nothing to take on SQLite: the log's transaction already holds the one write turn (<see cref="SqliteWriteGate"/>),
/// so a second log of the segment waits for the first and then finds it logged (rule 43).
/// </summary>
internal sealed class SqliteSegmentLogLock : ISegmentLogLock
{
    public Task<bool> TryTakeAsync(ITouchpointDb db, string segmentNo, CancellationToken ct) => Task.FromResult(true);
}
