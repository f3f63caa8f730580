using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Contacts;

/// <summary>The columns the contact list can be sorted by (the API's <c>sort</c>): the whitelist.</summary>
public enum ContactSort
{
    No = 0,
    Name = 1,
    CompanyName = 2,
    Type = 3,
    City = 4,
    PhoneNo = 5,
    Email = 6,
    SalespersonCode = 7,
}

/// <summary>The list filters of GET /contacts (BC filter expressions but for the search), plus the sort the list page offers.</summary>
public sealed record ContactListQuery
{
    public string? Search { get; init; }
    public ContactType? Type { get; init; }
    public string? CompanyNo { get; init; }
    public string? SalespersonCode { get; init; }
    public string? City { get; init; }
    public string? PostCode { get; init; }
    public string? CountryRegionCode { get; init; }
    public ContactSort Sort { get; init; }
    public bool Descending { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>
/// The contact list: keyset paging on (sort key, No.), so page 1,000 costs what page 1 costs. The search looks for
/// the words anywhere in name, e-mail and phone numbers, case-insensitively.
/// </summary>
public sealed class ListContacts(ITouchpointDb db, IContactSearchIndex searchIndex)
{
    /// <summary>
    /// Up to this many matches, the list is built from the search index's answer; beyond it the term is common
    /// enough that walking the contacts in order fills a page after a few thousand rows at most.
    /// </summary>
    public const int IndexedMatchLimit = 1000;

    public async Task<Page<ContactDto>> HandleAsync(ContactListQuery query, CancellationToken ct = default)
    {
        var limit = Cursor.Limit(query.Limit);
        var contacts = await FilterAsync(query, ct);
        if (Columns.TryGetValue(query.Sort, out var column))
        {
            var sorted = await column.Apply(contacts, c => c.No, Common.Cursor.Decode(query.Cursor, 3), query.Descending)
                .Take(limit + 1).Select(ContactDto.Projection).ToListAsync(ct);
            return Paged.Of(sorted, limit, c => column.CursorKeys(c, c.No));
        }
        var after = Common.Cursor.Decode(query.Cursor, 2);

        contacts = (query.Sort, query.Descending) switch
        {
            (ContactSort.Name, false) => Where(contacts, after, asc: true, byName: true).OrderBy(c => c.SearchName).ThenBy(c => c.No),
            (ContactSort.Name, true) => Where(contacts, after, asc: false, byName: true).OrderByDescending(c => c.SearchName).ThenByDescending(c => c.No),
            (_, false) => Where(contacts, after, asc: true, byName: false).OrderBy(c => c.No),
            (_, true) => Where(contacts, after, asc: false, byName: false).OrderByDescending(c => c.No),
        };

        var rows = await contacts.Take(limit + 1).Select(ContactDto.Projection).ToListAsync(ct);
        // SearchName is the name upper-cased (Contact.Apply), so the cursor's sort key follows from the row itself.
        return Paged.Of(rows, limit, c => [c.Name.ToUpperInvariant(), c.No]);
    }

    // The columns besides No. and Name (which have their indexes and cursors of their own), then by No.
    private static readonly Dictionary<ContactSort, SortColumn<Contact, ContactDto, string>> Columns = new()
    {
        [ContactSort.CompanyName] = SortColumns.Text<Contact, ContactDto, string>("companyName", c => c.CompanyName ?? "", d => d.CompanyName),
        [ContactSort.Type] = SortColumns.Option<Contact, ContactDto, string>("type", c => (int)c.Type, d => (int)d.Type),
        [ContactSort.City] = SortColumns.Text<Contact, ContactDto, string>("city", c => c.City ?? "", d => d.City),
        [ContactSort.PhoneNo] = SortColumns.Text<Contact, ContactDto, string>("phoneNo", c => c.PhoneNo ?? "", d => d.PhoneNo),
        [ContactSort.Email] = SortColumns.Text<Contact, ContactDto, string>("email", c => c.Email ?? "", d => d.Email),
        [ContactSort.SalespersonCode] = SortColumns.Text<Contact, ContactDto, string>("salespersonCode", c => c.SalespersonCode ?? "", d => d.SalespersonCode),
    };

    /// <summary>How many contacts the filters match (the list page shows it).</summary>
    public async Task<int> CountAsync(ContactListQuery query, CancellationToken ct = default) =>
        await (await FilterAsync(query, ct)).CountAsync(ct);

    private async Task<IQueryable<Contact>> FilterAsync(ContactListQuery query, CancellationToken ct)
    {
        var contacts = db.Contacts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var words = query.Search.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // The longest word narrows best; the others (and the word itself) are still checked row by row.
            var ids = await searchIndex.FindAsync(words.MaxBy(w => w.Length)!, IndexedMatchLimit, ct);
            if (ids is not null)
            {
                contacts = contacts.Where(c => ids.Contains(c.Id));
            }
            foreach (var word in words)
            {
                contacts = contacts.Where(c => c.SearchText.Contains(word));
            }
        }
        if (query.Type is { } type)
        {
            contacts = contacts.Where(c => c.Type == type);
        }
        // BC's filter expressions (A|B, A..B, *son, <>DK, ''); a plain value is an exact match, as it always was.
        return contacts
            .WhereFilter(query.CompanyNo, FilterFieldType.Code, "companyNo", c => c.CompanyNo)
            .WhereFilter(query.SalespersonCode, FilterFieldType.Code, "salespersonCode", c => c.SalespersonCode)
            .WhereFilter(query.City, FilterFieldType.Text, "city", c => c.City)
            .WhereFilter(query.PostCode, FilterFieldType.Text, "postCode", c => c.PostCode)
            .WhereFilter(query.CountryRegionCode, FilterFieldType.Code, "countryRegionCode", c => c.CountryRegionCode);
    }

    private static IQueryable<Contact> Where(IQueryable<Contact> contacts, string[]? after, bool asc, bool byName)
    {
        if (after is null)
        {
            return contacts;
        }
        var (name, no) = (after[0], after[1]);
        return (byName, asc) switch
        {
            (true, true) => contacts.Where(c => string.Compare(c.SearchName, name) > 0 || (c.SearchName == name && string.Compare(c.No, no) > 0)),
            (true, false) => contacts.Where(c => string.Compare(c.SearchName, name) < 0 || (c.SearchName == name && string.Compare(c.No, no) < 0)),
            (false, true) => contacts.Where(c => string.Compare(c.No, no) > 0),
            (false, false) => contacts.Where(c => string.Compare(c.No, no) < 0),
        };
    }
}
