using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Contacts;

namespace Touchpoint.Persistence.Sqlite.Contacts;

/// <summary>
/// The FTS5 trigram table "ContactSearch" (kept in step with Contacts.SearchText by triggers, written by hand in the
/// Initial migration). SQLite's planner cannot tell a rare term from a common one, so the index is asked
/// first, for at most max + 1 ids: few matches are fetched by id; many mean the ordered walk fills a page quickly.
/// </summary>
internal sealed class SqliteContactSearchIndex(TouchpointDbContext db) : IContactSearchIndex
{
    public async Task<IReadOnlyList<long>?> FindAsync(string term, int max, CancellationToken ct)
    {
        // A trigram index cannot look up fewer than three characters.
        if (term.Length < 3)
        {
            return null;
        }
        // A quoted FTS5 string is matched as a substring by the trigram tokenizer; quotes inside are doubled.
        var phrase = "\"" + term.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var ids = await db.Database
            .SqlQueryRaw<long>("SELECT rowid AS \"Value\" FROM \"ContactSearch\" WHERE \"ContactSearch\" MATCH {0} LIMIT {1}", phrase, max + 1)
            .ToListAsync(ct);
        return ids.Count > max ? null : ids;
    }
}
