using System.Data.Common;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Core.Interactions;

namespace Touchpoint.Core.Documents;

/// <summary>
/// Group commit for document events. Each request reads what it needs on its own (<see cref="LogDocument"/>) and hands
/// its resolved entry here; one writer writes whatever has gathered meanwhile in one transaction: the keys, the entries,
/// their statistics, one commit. An ERP sending many documents at once makes one write per handful of requests instead
/// of one per request: per request that saves the database round trips (on PostgreSQL each one a wake-up of its
/// backend, on SQLite a turn of its one writer) that set the pace under load. Alone, a request is written at once.
/// If writing a batch fails, each of its requests is written again on its own, so only the one at fault gets the error.
/// </summary>
public sealed class DocumentLogQueue : IAsyncDisposable, IDisposable
{
    // Enough to share a commit among many clients, few enough that one batch holds the writer for milliseconds only.
    private const int MaxBatch = 128;

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public DocumentLogQueue(IServiceScopeFactory scopes, TimeProvider clock)
    {
        _scopes = scopes;
        _clock = clock;
        _writer = Task.Run(WriteAllAsync);
    }

    /// <summary>An event ready to be written: its entry's line, or why there is none; its key; who sends it.</summary>
    internal sealed record Request(InteractionLine? Line, string? Reason, string? Key, string UserId, string CampaignEntryDescription);

    private sealed record Pending(Request Request)
    {
        public TaskCompletionSource<DocumentLoggedDto> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// Writes the event with the next batch and answers as LogDocument does. Not canceled by the caller: once queued, the
    /// event is written with the others (as a request whose client hangs up after the commit).
    /// </summary>
    internal Task<DocumentLoggedDto> WriteAsync(Request request)
    {
        var pending = new Pending(request);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(DocumentLogQueue), "The application is stopping.");
        }
        return pending.Answer.Task;
    }

    private async Task WriteAllAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            await WriteAsync(batch);
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<Pending> batch)
    {
        try
        {
            var answers = await WriteTogetherAsync(batch.Select(p => p.Request).ToList());
            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Answer.TrySetResult(answers[i]);
            }
            return;
        }
        catch (Exception) when (batch.Count > 1)
        {
            // Someone's entry could not be written (its contact deleted meanwhile, say): each on its own, below.
        }
        catch (Exception ex)
        {
            batch[0].Answer.TrySetException(ex);
            return;
        }
        foreach (var pending in batch)
        {
            await WriteAsync([pending]);
        }
    }

    /// <summary>The batch in one transaction of its own; answers in the batch's order.</summary>
    private async Task<DocumentLoggedDto[]> WriteTogetherAsync(List<Request> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ITouchpointDb>();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var answers = await WriteInTransactionAsync(db, scope.ServiceProvider.GetRequiredService<LogInteraction>(), batch, _clock.GetUtcNow(),
                CancellationToken.None);
            await transaction.CommitAsync();
            return answers;
        }
        catch (DbUpdateException ex) when (batch is [{ Key: { } key }] && DatabaseErrors.IsUniqueViolation(ex.InnerException as DbException))
        {
            // The key was answered meanwhile: by a copy of this request in an earlier batch, or by another instance on
            // the same database (PostgreSQL lets this one wait for its commit, then refuses the key). Its answer is the
            // first one, and this entry was rolled back with the key.
            await using var again = _scopes.CreateAsyncScope();
            var earlier = await again.ServiceProvider.GetRequiredService<ITouchpointDb>().IdempotencyRecords.AsNoTracking()
                .FirstAsync(r => r.Key == key);
            return [earlier.ToDto()];
        }
    }

    /// <summary>
    /// Writes events in the caller's transaction: the queue's batches, or the cover sheets of a segment (all or nothing).
    /// Of several events with one key, the first is written and the others get its answer. A key answered since its
    /// request looked (a retry that came while the first was queued) fails the key's insert: the batch is then written
    /// one by one, and that one gets the first answer. Looking the keys up here instead would cost every batch a query
    /// (and on PostgreSQL, with a plan made while the table was small, a scan of all keys) for what seldom happens.
    /// </summary>
    internal static async Task<DocumentLoggedDto[]> WriteInTransactionAsync(ITouchpointDb db, LogInteraction log, IReadOnlyList<Request> batch,
        DateTimeOffset now, CancellationToken ct)
    {
        var answers = new DocumentLoggedDto?[batch.Count];
        var copyOf = new int?[batch.Count]; // a later event with a key the batch already has: the index of the first
        var firstWithKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var toLog = new List<int>();
        for (var i = 0; i < batch.Count; i++)
        {
            var request = batch[i];
            if (request.Key is { } key)
            {
                if (firstWithKey.TryGetValue(key, out var first))
                {
                    copyOf[i] = first;
                    continue;
                }
                firstWithKey[key] = i;
            }
            if (request.Line is null)
            {
                answers[i] = new DocumentLoggedDto(false, null, request.Reason);
            }
            else
            {
                toLog.Add(i);
            }
        }
        var entries = toLog.Count == 0 ? [] : await log.HandleCheckedManyAsync(
            toLog.Select(i => new LogInteraction.CheckedLine(batch[i].Line!, batch[i].UserId, batch[i].CampaignEntryDescription)).ToList(), ct);
        for (var j = 0; j < toLog.Count; j++)
        {
            answers[toLog[j]] = new DocumentLoggedDto(true, entries[j].EntryNo, null);
        }
        foreach (var (key, first) in firstWithKey)
        {
            var record = new IdempotencyRecord(key, now);
            record.Answer(answers[first]!);
            db.IdempotencyRecords.Add(record);
        }
        await db.SaveChangesAsync(ct);
        return answers.Select((a, i) => a ?? answers[copyOf[i]!.Value]!).ToArray();
    }

    /// <summary>Takes no more events and waits until those queued are written.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    // A container disposed synchronously (a command-line host) must still let the queued events be written.
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}
