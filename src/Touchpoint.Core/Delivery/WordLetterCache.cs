using Microsoft.Extensions.Caching.Memory;

namespace Touchpoint.Core.Delivery;

/// <summary>
/// Parsed letters by the hash of their bytes, so that a segment's letter is parsed once for all its contacts: parsing
/// a one-page letter takes as long as about 90 merges of it (benchmarks/README.md, section 11). Keyed by content, an entry
/// never goes stale: a changed file has another hash. Bounded by the bytes the letters hold; an unused letter goes
/// after <see cref="Idle"/>. Thread-safe; one per process.
/// </summary>
public sealed class WordLetterCache : IDisposable
{
    /// <summary>Four letters at their largest, thousands of ordinary ones.</summary>
    public const long SizeLimitBytes = 1024L * 1024 * 1024;

    public static readonly TimeSpan Idle = TimeSpan.FromMinutes(10);

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = SizeLimitBytes });

    /// <summary>
    /// The letter with these bytes, parsed now (from <paramref name="content"/>, read only then) or earlier. A letter
    /// that cannot be opened is refused as <see cref="WordLetter.Open"/> does, and not kept.
    /// </summary>
    public async Task<WordLetter> GetAsync(string contentHash, string fileName, Func<CancellationToken, Task<byte[]>> content, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (cache.TryGetValue(contentHash, out WordLetter? cached) && cached is not null)
        {
            return cached;
        }
        var letter = WordLetter.Open(await content(ct), fileName);
        // Two callers that miss at once both parse; the later one's copy replaces the earlier, both are correct.
        cache.Set(contentHash, letter, new MemoryCacheEntryOptions { Size = letter.HeldBytes, SlidingExpiration = Idle });
        return letter;
    }

    public void Dispose() => cache.Dispose();
}
