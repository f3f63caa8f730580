using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Contacts;

public enum ContactSort
{
    No = 0,
    Name = 1,
}

/// <summary>The list filters of api.md, plus the sort the list page offers.</summary>
public sealed record ContactListQuery
{
    public string? Search { get; init; }
    public ContactType? Type { get; init; }
    public string? CompanyNo { get; init; }
    public string? SalespersonCode { get; init; }
    public ContactSort Sort { get; init; }
    public bool Descending { get; init; }
    public int? Limit { get; init; }
    public string? Cursor { get; init; }
}

/// <summary>
/// The contact list: keyset paging on (sort key, No.), so page 1,000 costs what page 1 costs. The search looks for
/// the words anywhere in name, e-mail and phone numbers, case-insensitively.
/// </summary>
public sealed class ListContacts(ITouchpointDb db)
{
    public async Task<Page<ContactDto>> HandleAsync(ContactListQuery query, CancellationToken ct = default)
    {
        var limit = Cursor.Limit(query.Limit);
        var after = Common.Cursor.Decode(query.Cursor, 2);
        var contacts = Filter(query);

        contacts = (query.Sort, query.Descending) switch
        {
            (ContactSort.Name, false) => Where(contacts, after, asc: true, byName: true).OrderBy(c => c.SearchName).ThenBy(c => c.No),
            (ContactSort.Name, true) => Where(contacts, after, asc: false, byName: true).OrderByDescending(c => c.SearchName).ThenByDescending(c => c.No),
            (_, false) => Where(contacts, after, asc: true, byName: false).OrderBy(c => c.No),
            (_, true) => Where(contacts, after, asc: false, byName: false).OrderByDescending(c => c.No),
        };

        var rows = await contacts.Take(limit + 1)
            .Select(c => new
            {
                c.SearchName,
                Dto = new ContactDto(c.No, c.Type, c.Name, c.CompanyNo, c.CompanyName, c.Email, c.PhoneNo,
                    c.MobilePhoneNo, c.Address, c.PostCode, c.City, c.CountryRegionCode, c.LanguageCode,
                    c.SalespersonCode, c.CorrespondenceType, c.PrivacyBlocked),
            })
            .ToListAsync(ct);
        string? next = null;
        if (rows.Count > limit)
        {
            rows.RemoveAt(limit);
            var last = rows[^1];
            next = Common.Cursor.Encode(last.SearchName, last.Dto.No);
        }
        return new Page<ContactDto>(rows.Select(r => r.Dto).ToList(), next);
    }

    /// <summary>How many contacts the filters match (the list page shows it).</summary>
    public Task<int> CountAsync(ContactListQuery query, CancellationToken ct = default) => Filter(query).CountAsync(ct);

    private IQueryable<Contact> Filter(ContactListQuery query)
    {
        var contacts = db.Contacts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            foreach (var word in query.Search.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                contacts = contacts.Where(c => c.SearchText.Contains(word));
            }
        }
        if (query.Type is { } type)
        {
            contacts = contacts.Where(c => c.Type == type);
        }
        if (Codes.Normalize(query.CompanyNo) is { } companyNo)
        {
            contacts = contacts.Where(c => c.CompanyNo == companyNo);
        }
        if (Codes.Normalize(query.SalespersonCode) is { } salesperson)
        {
            contacts = contacts.Where(c => c.SalespersonCode == salesperson);
        }
        return contacts;
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
