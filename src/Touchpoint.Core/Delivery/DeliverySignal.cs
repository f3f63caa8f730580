using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Touchpoint.Core.Delivery;

/// <summary>
/// Wakes the delivery worker of this process when entries to deliver have been committed, so that a mail leaves at
/// once rather than at the next poll. Rows are written in their caller's transaction, which the worker cannot see
/// before it commits: the writer marks the transaction, and the commit (seen by this interceptor) wakes the worker.
/// Other instances find the rows by polling. One per process.
/// </summary>
public sealed class DeliverySignal : DbTransactionInterceptor
{
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConditionalWeakTable<DbTransaction, object> _pending = [];

    /// <summary>Wakes the worker when <paramref name="transaction"/> commits.</summary>
    public void WakeAfterCommit(DbTransaction transaction) => _pending.AddOrUpdate(transaction, this);

    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Waits until woken or until <paramref name="timeout"/> has passed.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(timeout);
        try
        {
            await _wake.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Committed(transaction);

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Committed(transaction);
        return Task.CompletedTask;
    }

    private void Committed(DbTransaction transaction)
    {
        if (_pending.Remove(transaction))
        {
            Wake();
        }
    }
}
