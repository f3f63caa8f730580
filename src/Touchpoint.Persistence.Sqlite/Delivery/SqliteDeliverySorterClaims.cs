using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.Delivery;

namespace Touchpoint.Persistence.Sqlite.Delivery;

/// <summary>
/// SQLite has one writer at a time: the claim is one UPDATE … RETURNING in a short transaction of its own (queued by
/// the write gate like every other), so two workers never take the same row.
/// </summary>
internal sealed class SqliteDeliverySorterClaims : IDeliverySorterClaims
{
    public async Task<IReadOnlyList<long>> ClaimAsync(ITouchpointDb db, CorrespondenceType type, string claimedBy, long now, long claimUntil, int max, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Database.SqlQueryRaw<long>("""
            UPDATE "DeliverySorter" SET "ClaimedUntil" = {0}, "ClaimedBy" = {1}
            WHERE "EntryNo" IN (
                SELECT "EntryNo" FROM "DeliverySorter"
                WHERE "CorrespondenceType" = {2} AND "NextAttemptAt" <= {3} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {3})
                ORDER BY "NextAttemptAt", "EntryNo" LIMIT {4})
            RETURNING "EntryNo" AS "Value"
            """, claimUntil, claimedBy, (int)type, now, max).ToListAsync(ct);
        await transaction.CommitAsync(ct);
        return claimed;
    }
}
