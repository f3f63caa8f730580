namespace Touchpoint.Core.Contacts;

/// <summary>
/// A database's substring index over <see cref="Contact.SearchText"/>, for the terms a plain scan is slow on: a rare
/// term makes the list walk every contact to fill one page. The index answers with the ids of the contacts that
/// contain the term, or null when it cannot narrow the search (term too short for trigrams, or so common that
/// walking the list in order fills a page sooner). PostgreSQL needs none of this: its trigram index is chosen by the
/// planner for the same LIKE.
/// </summary>
public interface IContactSearchIndex
{
    Task<IReadOnlyList<long>?> FindAsync(string term, int max, CancellationToken ct);
}

/// <summary>For databases whose planner uses an index on the LIKE by itself.</summary>
public sealed class NoContactSearchIndex : IContactSearchIndex
{
    public Task<IReadOnlyList<long>?> FindAsync(string term, int max, CancellationToken ct) =>
        Task.FromResult<IReadOnlyList<long>?>(null);
}
