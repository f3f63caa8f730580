using Microsoft.EntityFrameworkCore;
using Npgsql;
using Touchpoint.Core.Common;
using Touchpoint.Core.Segments;

namespace Touchpoint.Persistence.PostgreSql.Segments;

/// <summary>
/// The segment's header row, locked for the log's transaction. NOWAIT: a second log finds it taken and is told so at
/// once, instead of waiting for the first and then being refused anyway (rule 43).
/// </summary>
internal sealed class PostgreSqlSegmentLogLock : ISegmentLogLock
{
    public async Task<bool> TryTakeAsync(ITouchpointDb db, string segmentNo, CancellationToken ct)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync("""SELECT 1 FROM "SegmentHeaders" WHERE "No" = {0} FOR UPDATE NOWAIT""", [segmentNo], ct);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            return false;
        }
    }
}
