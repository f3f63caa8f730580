namespace Touchpoint.Core.Common;

/// <summary>
/// What a transaction that writes very many rows (an import) needs of its database beyond the defaults, set on the
/// caller's connection for as long as the returned handle lives. Provider-specific, so it lives with the provider.
/// </summary>
public interface ILargeTransaction
{
    Task<IAsyncDisposable> BeginAsync(ITouchpointDb db, CancellationToken ct);
}
