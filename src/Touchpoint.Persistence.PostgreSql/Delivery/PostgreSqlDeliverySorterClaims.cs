using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.Delivery;

namespace Touchpoint.Persistence.PostgreSql.Delivery;

/// <summary>
/// Several instances claim at once: each locks the due rows it takes and skips those another is taking (FOR UPDATE
/// SKIP LOCKED), so none waits for another and no row is taken twice.
/// </summary>
internal sealed class PostgreSqlDeliverySorterClaims : IDeliverySorterClaims
{
    public async Task<IReadOnlyList<long>> ClaimAsync(ITouchpointDb db, CorrespondenceType type, string claimedBy, long now, long claimUntil, int max, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Database.SqlQueryRaw<long>("""
            UPDATE "DeliverySorter" SET "ClaimedUntil" = {0}, "ClaimedBy" = {1}
            WHERE "EntryNo" IN (
                SELECT "EntryNo" FROM "DeliverySorter"
                WHERE "CorrespondenceType" = {2} AND "NextAttemptAt" <= {3} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {3})
                ORDER BY "NextAttemptAt", "EntryNo" LIMIT {4}
                FOR UPDATE SKIP LOCKED)
            RETURNING "EntryNo" AS "Value"
            """, claimUntil, claimedBy, (int)type, now, max).ToListAsync(ct);
        await transaction.CommitAsync(ct);
        return claimed;
    }
}
