using Touchpoint.Core.Common;

namespace Touchpoint.Persistence.PostgreSql;

/// <summary>PostgreSQL's shared buffers serve every connection: a large transaction needs nothing of its own.</summary>
public sealed class PostgreSqlLargeTransaction : ILargeTransaction
{
    public Task<IAsyncDisposable> BeginAsync(ITouchpointDb db, CancellationToken ct) => Task.FromResult<IAsyncDisposable>(new Nothing());

    private sealed class Nothing : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
