using System.Data.Common;
using System.Globalization;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Touchpoint.Core.Common;
using Touchpoint.Core.Documents;

namespace Touchpoint.Core.Interactions;

/// <summary>
/// Group commit for the logging pipeline's single interactions (the wizard's finish, POST /interactions, phone calls,
/// document events). Each request reads and checks what it needs on its own and hands its line here; one writer
/// hands whatever has gathered meanwhile to <see cref="LogInteraction"/> as one batch, in one transaction: the
/// entries, their campaign entries, attachments, comments, statistics and idempotency keys, one commit. Many clients
/// at once make one write per handful of requests instead of one per request, which saves the round trips and commits
/// (on PostgreSQL each a wake-up of its backend, on SQLite a turn of its one writer) that set the pace under load.
/// Alone, a request is written at once. If a batch fails, each of its requests is written again on its own, so only
/// the one at fault gets the error.
/// </summary>
public sealed class InteractionLogQueue : IAsyncDisposable, IDisposable
{
    // Enough to share a commit among many clients, few enough that one batch holds the writer for milliseconds only.
    private const int MaxBatch = 128;

    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Task _writer;

    public InteractionLogQueue(IServiceScopeFactory scopes, TimeProvider clock)
    {
        _scopes = scopes;
        _clock = clock;
        _writer = Task.Run(WriteAllAsync);
    }

    /// <summary>
    /// A request ready to be written: its line, or why nothing is logged (a document's reason), or what the batch makes
    /// its line from (the wizard's request, a document event); its key.
    /// </summary>
    internal sealed record Request(LineToLog? Line, string? Reason, IdempotencyKey? Key, LineToMake? ToMake = null);

    /// <summary>
    /// What a request got: the answer, and the entry when this request wrote it (a retry gets the first answer only),
    /// with the names a built request's answer shows.
    /// </summary>
    internal sealed record Written(LogAnswer Answer, InteractionLogEntry? Entry, InteractionLogEntryQuery.Row? Names = null);

    private sealed record Pending(Request Request)
    {
        public TaskCompletionSource<Written> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// Writes the request with the next batch. Not canceled by the caller: once queued, the request is written with the
    /// others (as a request whose client hangs up after the commit).
    /// </summary>
    internal Task<Written> WriteAsync(Request request)
    {
        var pending = new Pending(request);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(InteractionLogQueue), "The application is stopping.");
        }
        return pending.Done.Task;
    }

    /// <summary>
    /// One request (the wizard's finish, a phone call, a document event): with the batch of the moment, or in the caller's
    /// transaction when it has one (the cover sheets of a segment, all or nothing).
    /// </summary>
    internal async Task<Written> WriteAsync(ITouchpointDb db, LogInteraction log, Request request, CancellationToken ct) =>
        db.Database.CurrentTransaction is null
            ? await WriteAsync(request)
            : (await WriteInTransactionAsync(db, log, [request], _clock, ct))[0].Get();

    /// <summary>The first answer to a key sent before with the same request; 422 when it came with another; null when new.</summary>
    internal static async Task<LogAnswer?> EarlierAnswerAsync(ITouchpointDb db, IdempotencyKey? key, CancellationToken ct) =>
        key is null ? null : (await db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.Key == key.Key, ct))?.AnswerFor(key);

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
            var results = await WriteTogetherAsync(batch.Select(p => p.Request).ToList());
            for (var i = 0; i < batch.Count; i++)
            {
                results[i].SetOn(batch[i].Done);
            }
            return;
        }
        catch (Exception) when (batch.Count > 1)
        {
            // Someone's line could not be written (its contact deleted meanwhile, say): each on its own, below.
        }
        catch (Exception ex)
        {
            batch[0].Done.TrySetException(ex);
            return;
        }
        foreach (var pending in batch)
        {
            await WriteAsync([pending]);
        }
    }

    /// <summary>The batch in one transaction of its own; results in the batch's order.</summary>
    private async Task<Result[]> WriteTogetherAsync(List<Request> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ITouchpointDb>();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var results = await WriteInTransactionAsync(db, scope.ServiceProvider.GetRequiredService<LogInteraction>(), batch, _clock,
                CancellationToken.None);
            await transaction.CommitAsync();
            return results;
        }
        catch (DbUpdateException ex) when (batch is [{ Key: { } key }] && DatabaseErrors.IsUniqueViolation(ex.InnerException as DbException))
        {
            // The key was answered meanwhile: by a copy of this request in an earlier batch, or by another instance on
            // the same database (PostgreSQL lets this one wait for its commit, then refuses the key). Its answer is the
            // first one (or 422 for another request), and this entry was rolled back with the key.
            await using var again = _scopes.CreateAsyncScope();
            var earlier = await again.ServiceProvider.GetRequiredService<ITouchpointDb>().IdempotencyRecords.AsNoTracking()
                .FirstAsync(r => r.Key == key.Key);
            return [Result.Of(() => new Written(earlier.AnswerFor(key), null))];
        }
    }

    /// <summary>A request's outcome within a batch: its answer, or its own refusal (a key reused with another request).</summary>
    internal readonly record struct Result(Written? Value, Exception? Error)
    {
        public static Result Of(Func<Written> answer)
        {
            try
            {
                return new Result(answer(), null);
            }
            catch (DomainException e)
            {
                return new Result(null, e);
            }
        }

        public Written Get() => Error is null ? Value! : throw Error;

        public void SetOn(TaskCompletionSource<Written> done)
        {
            if (Error is null)
            {
                done.TrySetResult(Value!);
            }
            else
            {
                done.TrySetException(Error);
            }
        }
    }

    /// <summary>
    /// Writes requests in the caller's transaction: the queue's batches, or all the cover sheets of a segment (all or
    /// nothing). Of several requests with one key, the first is written and the others get its answer (or 422 when they
    /// are another request). A key answered since its request looked (a retry that came while the first was queued)
    /// fails the key's insert: the batch is then written one by one, and that one gets the first answer. Looking the
    /// keys up here instead would cost every batch a query for what seldom happens. The wizard's requests are built
    /// here, from rows read once for the batch; one that BC would refuse gets its refusal, and the others are written.
    /// </summary>
    internal static async Task<Result[]> WriteInTransactionAsync(ITouchpointDb db, LogInteraction log, IReadOnlyList<Request> batch,
        TimeProvider clock, CancellationToken ct)
    {
        var built = await BuildAsync(db, batch, clock, ct);
        batch = built?.Requests ?? batch;
        var refused = built?.Refused ?? [];
        var written = new Written?[batch.Count];
        var copyOf = new int?[batch.Count]; // a later request with a key the batch already has: the index of the first
        var firstWithKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var toLog = new List<int>();
        for (var i = 0; i < batch.Count; i++)
        {
            var request = batch[i];
            if (request.Key is { } key)
            {
                if (firstWithKey.TryGetValue(key.Key, out var first))
                {
                    copyOf[i] = first;
                    continue;
                }
                firstWithKey[key.Key] = i;
            }
            if (refused.ContainsKey(i))
            {
                continue;
            }
            if (request.Line is null)
            {
                written[i] = new Written(new LogAnswer(null, request.Reason), null);
            }
            else
            {
                toLog.Add(i);
            }
        }
        var entries = toLog.Count == 0 ? [] : await log.HandleAsync(toLog.Select(i => batch[i].Line!).ToList(), ct);
        for (var j = 0; j < toLog.Count; j++)
        {
            written[toLog[j]] = new Written(new LogAnswer(entries[j].EntryNo, null), entries[j], built?.Names[toLog[j]]);
        }
        var records = new Dictionary<string, IdempotencyRecord>(StringComparer.Ordinal);
        var now = clock.GetUtcNow();
        foreach (var (key, first) in firstWithKey)
        {
            if (refused.ContainsKey(first))
            {
                continue; // A refused request keeps no answer: sent again, it is tried again.
            }
            var record = new IdempotencyRecord(batch[first].Key!, now);
            record.Answer(written[first]!.Answer);
            records[key] = record;
            db.IdempotencyRecords.Add(record);
        }
        await db.SaveChangesAsync(ct);
        return batch.Select((request, i) =>
            refused.TryGetValue(copyOf[i] ?? i, out var refusal)
                ? new Result(null, refusal)
                : copyOf[i] is not null
                    ? Result.Of(() => new Written(records[request.Key!.Key].AnswerFor(request.Key), null))
                    : new Result(written[i], null)).ToArray();
    }

    /// <summary>The requests of a batch with their lines made, and the refusals of those that BC would refuse.</summary>
    private sealed record BuiltBatch(IReadOnlyList<Request> Requests, Dictionary<int, DomainException> Refused, InteractionLogEntryQuery.Row?[] Names);

    /// <summary>
    /// The lines of the requests that bring what to make them from: the rows they refer to are read once for all the
    /// requests of each kind, then each is made in its caller's language (its messages and captions are the caller's).
    /// </summary>
    private static async Task<BuiltBatch?> BuildAsync(ITouchpointDb db, IReadOnlyList<Request> batch, TimeProvider clock, CancellationToken ct)
    {
        if (batch.All(r => r.ToMake is null))
        {
            return null;
        }
        var interactions = batch.Select(r => (r.ToMake as InteractionToBuild)?.Request).OfType<CreateInteractionRequest>().ToList();
        var sources = interactions.Count == 0 ? null : await InteractionSources.ReadAsync(db, interactions, ct);
        var documents = batch.Select(r => r.ToMake).OfType<DocumentToResolve>().ToList();
        var resolver = documents.Count == 0 ? null : new DocumentResolver(db);
        if (resolver is not null)
        {
            await resolver.ReadAsync(documents.Select(d => d.Event).ToList(), ct);
        }
        var now = clock.GetLocalNow();
        var requests = new Request[batch.Count];
        var names = new InteractionLogEntryQuery.Row?[batch.Count];
        var refused = new Dictionary<int, DomainException>();
        for (var i = 0; i < batch.Count; i++)
        {
            requests[i] = batch[i];
            if (batch[i].ToMake is not { } toMake)
            {
                continue;
            }
            using var language = toMake.InCallersLanguage();
            try
            {
                switch (toMake)
                {
                    case InteractionToBuild interaction:
                        var built = CreateInteraction.Build(interaction, sources!, clock);
                        requests[i] = batch[i] with { Line = built.ToLog, ToMake = null };
                        names[i] = built.Names;
                        break;
                    case DocumentToResolve document:
                        requests[i] = batch[i] with { Line = LogDocument.ToLog(document, resolver!.Resolve(document.Event, document.Type, document.DocumentNo, now), out var reason), Reason = reason, ToMake = null };
                        break;
                }
            }
            catch (DomainException e)
            {
                refused[i] = e;
            }
        }
        return new BuiltBatch(requests, refused, names);
    }

    /// <summary>Takes no more requests and waits until those queued are written.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
    }

    // A container disposed synchronously (a command-line host) must still let the queued requests be written.
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();
}

/// <summary>
/// What a request's line is made from where it is written (<see cref="InteractionLogQueue"/>), by whom, and in the
/// caller's language: the queue's writer serves every caller, so it takes each one's language for its messages.
/// </summary>
internal abstract record LineToMake(string UserId)
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    /// <summary>Switches the current thread to the caller's language until disposed.</summary>
    public IDisposable InCallersLanguage() => new Language(_culture, _uiCulture);

    private sealed class Language : IDisposable
    {
        private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
        private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

        public Language(CultureInfo culture, CultureInfo uiCulture)
        {
            CultureInfo.CurrentCulture = culture;
            CultureInfo.CurrentUICulture = uiCulture;
        }

        public void Dispose()
        {
            CultureInfo.CurrentCulture = _culture;
            CultureInfo.CurrentUICulture = _uiCulture;
        }
    }
}
