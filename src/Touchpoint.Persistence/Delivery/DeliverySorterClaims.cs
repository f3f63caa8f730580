using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.Delivery;

namespace Touchpoint.Persistence.Delivery;

/// <summary>
/// The claim is one UPDATE … RETURNING in a short transaction of its own. The providers differ only in how the rows are
/// locked: PostgreSQL lets several instances claim at once, each skipping the rows another is taking
/// (<see cref="SkipLocked"/>), so none waits and no row is taken twice; SQLite has one writer at a time (its write
/// gate queues the transaction like every other), so it needs no row lock.
/// </summary>
public sealed class DeliverySorterClaims(string rowLock) : IDeliverySorterClaims
{
    public const string SkipLocked = "FOR UPDATE SKIP LOCKED";

    // The row lock is the provider's constant, never input.
    private readonly string _sql = """
        UPDATE "DeliverySorter" SET "ClaimedUntil" = {0}, "ClaimedBy" = {1}
        WHERE "EntryNo" IN (
            SELECT "EntryNo" FROM "DeliverySorter"
            WHERE "CorrespondenceType" = {2} AND "NextAttemptAt" <= {3} AND ("ClaimedUntil" IS NULL OR "ClaimedUntil" < {3})
            ORDER BY "NextAttemptAt", "EntryNo" LIMIT {4}
        """ + "\n    " + rowLock + """
        )
        RETURNING "EntryNo" AS "Value"
        """;

    public async Task<IReadOnlyList<long>> ClaimAsync(ITouchpointDb db, CorrespondenceType type, string claimedBy, long now, long claimUntil, int max, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var claimed = await db.Database.SqlQueryRaw<long>(_sql, claimUntil, claimedBy, (int)type, now, max).ToListAsync(ct);
        await transaction.CommitAsync(ct);
        return claimed;
    }
}
