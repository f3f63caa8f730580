using System.Globalization;
using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;
using Touchpoint.Core.Interactions;
using Touchpoint.Core.Salespeople;

namespace Touchpoint.Core.Delivery;

/// <summary>What a letter is merged for: the entry's own fields that its merge fields show.</summary>
public sealed record MergeEntry(long EntryNo, DateOnly Date, string Description, string? Subject, string? LanguageCode)
{
    public static MergeEntry From(InteractionLogEntry entry) =>
        new(entry.EntryNo, entry.Date, entry.Description, entry.Subject, entry.InteractionLanguageCode);
}

/// <summary>
/// The values of a Word letter's merge fields (rule 49), by field name, case-insensitive. The names are fixed: they
/// are what a letter's author types into Word, so they never change; a name not in <see cref="Names"/> is unknown
/// and merges as blank.
/// </summary>
public sealed class MergeValues
{
    public const string ContactNo = nameof(ContactNo);
    public const string ContactName = nameof(ContactName);
    public const string ContactCompanyName = nameof(ContactCompanyName);
    public const string ContactAddress = nameof(ContactAddress);
    public const string ContactPostCode = nameof(ContactPostCode);
    public const string ContactCity = nameof(ContactCity);
    public const string ContactCountryRegionCode = nameof(ContactCountryRegionCode);
    public const string ContactEmail = nameof(ContactEmail);
    public const string ContactPhoneNo = nameof(ContactPhoneNo);
    public const string SalespersonCode = nameof(SalespersonCode);
    public const string SalespersonName = nameof(SalespersonName);
    public const string SalespersonEmail = nameof(SalespersonEmail);
    public const string Date = nameof(Date);
    public const string Subject = nameof(Subject);
    public const string Description = nameof(Description);
    public const string EntryNo = nameof(EntryNo);
    public const string CompanyName = nameof(CompanyName);
    public const string CompanyAddress = nameof(CompanyAddress);
    public const string CompanyPostCode = nameof(CompanyPostCode);
    public const string CompanyCity = nameof(CompanyCity);

    /// <summary>Every field a letter can use, as the API names them.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        ContactNo, ContactName, ContactCompanyName, ContactAddress, ContactPostCode, ContactCity, ContactCountryRegionCode,
        ContactEmail, ContactPhoneNo, SalespersonCode, SalespersonName, SalespersonEmail, Date, Subject, Description,
        EntryNo, CompanyName, CompanyAddress, CompanyPostCode, CompanyCity,
    ];

    private static readonly Dictionary<string, string> Canonical =
        Names.ToDictionary(n => n, n => n, StringComparer.OrdinalIgnoreCase);

    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Values by field name; a name outside <see cref="Names"/> is a programming error.</summary>
    public MergeValues(IEnumerable<KeyValuePair<string, string?>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        foreach (var (name, value) in values)
        {
            if (!Canonical.ContainsKey(name))
            {
                throw new ArgumentException($"{name} is not a merge field.", nameof(values));
            }
            this.values[name] = value ?? "";
        }
    }

    /// <summary>The value of a field, "" when it has none or is unknown.</summary>
    public string this[string name] => values.GetValueOrDefault(name) ?? "";

    /// <summary>The field's name as <see cref="Names"/> spells it; null when it is not one of them.</summary>
    public static string? Known(string name) => Canonical.GetValueOrDefault(name);

    /// <summary>
    /// The values for one entry: its contact (the addressee), its salesperson (none: blank), the company as configured
    /// (the sender) and the entry itself; the date in the entry's interaction language, else the contact's.
    /// </summary>
    public static MergeValues For(MergeEntry entry, Contact contact, Salesperson? salesperson, CompanyOptions company)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(contact);
        ArgumentNullException.ThrowIfNull(company);
        var culture = LetterCulture.For(entry.LanguageCode ?? contact.LanguageCode);
        return new MergeValues(new Dictionary<string, string?>
        {
            [ContactNo] = contact.No,
            [ContactName] = contact.Name,
            [ContactCompanyName] = contact.CompanyName,
            [ContactAddress] = contact.Address,
            [ContactPostCode] = contact.PostCode,
            [ContactCity] = contact.City,
            [ContactCountryRegionCode] = contact.CountryRegionCode,
            [ContactEmail] = contact.Email,
            [ContactPhoneNo] = contact.PhoneNo,
            [SalespersonCode] = salesperson?.Code,
            [SalespersonName] = salesperson?.Name,
            [SalespersonEmail] = salesperson?.Email,
            [Date] = LetterCulture.LetterDate(entry.Date, culture),
            [Subject] = entry.Subject,
            [Description] = entry.Description,
            [EntryNo] = entry.EntryNo.ToString(CultureInfo.InvariantCulture),
            [CompanyName] = company.Name?.Trim(),
            [CompanyAddress] = company.Address?.Trim(),
            [CompanyPostCode] = company.PostCode?.Trim(),
            [CompanyCity] = company.City?.Trim(),
        });
    }
}
