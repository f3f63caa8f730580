using Touchpoint.Core.Common;

namespace Touchpoint.Core.Delivery;

/// <summary>
/// Takes due rows of the delivery sorter for one worker, so that several instances on one database share the queue
/// and no row is sent by two at once (while its claim lasts). Provider SQL: PostgreSQL skips the rows another
/// instance is claiming (FOR UPDATE SKIP LOCKED); SQLite claims in a short write transaction, one writer at a time.
/// </summary>
public interface IDeliverySorterClaims
{
    /// <summary>
    /// Claims up to <paramref name="max"/> rows of <paramref name="type"/> due at <paramref name="now"/> and not claimed
    /// (or whose claim ran out), oldest first, for <paramref name="claimedBy"/> until <paramref name="claimUntil"/>
    /// (Unix milliseconds), in a transaction of its own. Returns their entry numbers.
    /// </summary>
    Task<IReadOnlyList<long>> ClaimAsync(ITouchpointDb db, CorrespondenceType type, string claimedBy, long now, long claimUntil, int max, CancellationToken ct);
}
