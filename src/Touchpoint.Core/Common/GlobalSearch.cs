using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Campaigns;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Opportunities;
using Touchpoint.Core.Segments;

namespace Touchpoint.Core.Common;

/// <summary>A record the search found: its no. (or code), what it is called, and a line that tells it apart.</summary>
public sealed record SearchHit(string No, string Title, string? Detail);

/// <summary>A page of the app, by its name in the caller's language and its address.</summary>
public sealed record SearchPage(string Title, string Href);

/// <summary>What one search found, by kind, each kind in its list's order.</summary>
public sealed record GlobalSearchResult(IReadOnlyList<SearchHit> Contacts, IReadOnlyList<SearchHit> Opportunities,
    IReadOnlyList<SearchHit> Segments, IReadOnlyList<SearchHit> Campaigns, IReadOnlyList<SearchPage> Pages);

/// <summary>
/// BC's "Tell me": one box that finds contacts, opportunities, segments, campaigns and the app's pages. Each kind is
/// searched as its list searches (the same handler), so the list opened with the same words shows the same records:
/// contacts by name, e-mail and phone numbers (through the contact search index) and by the start of their no.; the
/// others by no. and description. The pages are the caller's (those of the navigation menu the user may open, named in
/// the user's language); Core knows no page, so the caller passes them.
/// </summary>
public sealed class GlobalSearch(ITouchpointDb db, ListContacts contacts, ListOpportunities opportunities, ListSegments segments, ListCampaigns campaigns)
{
    public const int MaxQueryLength = 100;
    public const int DefaultLimit = 5;
    public const int MaxLimit = 20;

    /// <summary>
    /// Shorter words cannot use the trigram indexes (SQLite FTS5, PostgreSQL pg_trgm); a contact is then found by the
    /// start of its name or no. only, both read from an index, so that one letter typed does not walk every contact.
    /// </summary>
    public const int MinIndexedWordLength = 3;

    public async Task<GlobalSearchResult> HandleAsync(string? q, int? limit, IReadOnlyList<SearchPage> pages, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var text = q?.Trim() ?? "";
        errors.MaxLength("q", errors.Required("q", text), MaxQueryLength);
        if (limit is < 1 or > MaxLimit)
        {
            errors.Add("limit", Messages.Get("LimitOutOfRange", MaxLimit));
        }
        errors.ThrowIfAny();
        var take = limit ?? DefaultLimit;
        var words = text.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);

        return new GlobalSearchResult(
            await ContactsAsync(text, words, take, ct),
            [.. (await opportunities.HandleAsync(new OpportunityListQuery(text, null, null, null, null, take, null), ct)).Value
                .Select(o => new SearchHit(o.No, o.Description, o.ContactNo))],
            [.. (await segments.HandleAsync(text, take, null, ct)).Value.Select(s => new SearchHit(s.No, s.Description, s.SalespersonCode))],
            [.. (await campaigns.HandleAsync(text, take, null, ct)).Value.Select(c => new SearchHit(c.No, c.Description, c.SalespersonCode))],
            [.. pages.Where(p => words.All(w => p.Title.Contains(w, StringComparison.CurrentCultureIgnoreCase))).Take(take)]);
    }

    private async Task<IReadOnlyList<SearchHit>> ContactsAsync(string text, string[] words, int take, CancellationToken ct)
    {
        // A contact whose no. starts with what was typed comes first: someone who types a number means that contact.
        var no = words[0];
        var noEnd = PrefixEnd(no);
        var byNo = await db.Contacts.AsNoTracking()
            .Where(c => string.Compare(c.No, no) >= 0 && string.Compare(c.No, noEnd) < 0 && c.No.StartsWith(no))
            .OrderBy(c => c.No).Take(take).Select(ContactDto.Projection).ToListAsync(ct);
        List<ContactDto> byText;
        if (words.Max(w => w.Length) >= MinIndexedWordLength)
        {
            byText = [.. (await contacts.HandleAsync(new ContactListQuery { Search = text, Limit = take }, ct)).Value];
        }
        else
        {
            var name = string.Join(' ', words);
            var nameEnd = PrefixEnd(name);
            byText = await db.Contacts.AsNoTracking()
                .Where(c => string.Compare(c.SearchName, name) >= 0 && string.Compare(c.SearchName, nameEnd) < 0 && c.SearchName.StartsWith(name))
                .OrderBy(c => c.SearchName).ThenBy(c => c.No).Take(take).Select(ContactDto.Projection).ToListAsync(ct);
        }
        return [.. byNo.Concat(byText).DistinctBy(c => c.No).Take(take).Select(c => new SearchHit(c.No, c.Name,
            string.Join(" · ", new[] { c.CompanyName, c.Email, c.PhoneNo ?? c.MobilePhoneNo }.Where(v => !string.IsNullOrWhiteSpace(v)))))];
    }

    /// <summary>
    /// The upper end of the keys that start with <paramref name="prefix"/>: the prefix with its last character one
    /// higher. As a range (prefix ≤ key &lt; end) both databases read it from the key's index, which neither does for
    /// EF's translation of StartsWith (a LIKE with a parameter). The range is exact in code-point order (SQLite's
    /// BINARY, PostgreSQL's C collation); StartsWith is still checked on the few rows it leaves.
    /// </summary>
    private static string PrefixEnd(string prefix) => prefix[..^1] + (char)Math.Min(prefix[^1] + 1, char.MaxValue);
}
