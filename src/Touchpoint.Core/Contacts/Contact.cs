using Touchpoint.Core.Common;

namespace Touchpoint.Core.Contacts;

/// <summary>BC contact type: a company, or a person who may belong to a company.</summary>
public enum ContactType
{
    Company = 0,
    Person = 1,
}

/// <summary>The fields a caller may set on a contact; unset fields keep their value (see <see cref="Optional{T}"/>).</summary>
public sealed record ContactFields
{
    public Optional<ContactType?> Type { get; init; }
    public Optional<string?> Name { get; init; }
    public Optional<string?> CompanyNo { get; init; }
    public Optional<string?> Email { get; init; }
    public Optional<string?> PhoneNo { get; init; }
    public Optional<string?> MobilePhoneNo { get; init; }
    public Optional<string?> Address { get; init; }
    public Optional<string?> PostCode { get; init; }
    public Optional<string?> City { get; init; }
    public Optional<string?> CountryRegionCode { get; init; }
    public Optional<string?> LanguageCode { get; init; }
    public Optional<string?> SalespersonCode { get; init; }
    public Optional<CorrespondenceType?> CorrespondenceType { get; init; }
    public Optional<bool?> PrivacyBlocked { get; init; }
}

/// <summary>
/// BC table 5050 Contact. A company's Company No. is its own No.; a person's is the company it belongs to (or none).
/// Company Name is kept on the row, as in BC, so that lists need no join.
/// </summary>
public sealed class Contact
{
    public const int NoLength = 20;
    public const int NameLength = 100;
    public const int EmailLength = 80;
    public const int PhoneLength = 30;
    public const int AddressLength = 100;
    public const int PostCodeLength = 20;
    public const int CityLength = 30;
    public const int CodeLength = 10;
    public const int SalespersonCodeLength = 20;

    private Contact()
    {
    }

    /// <summary>
    /// A stable row number for the database's search index (SQLite FTS5 keys on it); never shown, never in the API.
    /// The contact's identity for users and integrations is <see cref="No"/>.
    /// </summary>
    public long Id { get; private set; }

    public string No { get; private set; } = "";
    public ContactType Type { get; private set; }
    public string Name { get; private set; } = "";
    public string? CompanyNo { get; private set; }
    public string? CompanyName { get; private set; }
    public string? Email { get; private set; }
    public string? PhoneNo { get; private set; }
    public string? MobilePhoneNo { get; private set; }
    public string? Address { get; private set; }
    public string? PostCode { get; private set; }
    public string? City { get; private set; }
    public string? CountryRegionCode { get; private set; }
    public string? LanguageCode { get; private set; }
    public string? SalespersonCode { get; private set; }
    public CorrespondenceType CorrespondenceType { get; private set; }
    public bool PrivacyBlocked { get; private set; }

    /// <summary>
    /// Upper-cased name, e-mail and phone numbers in one column, so that the list search is one indexed-friendly
    /// LIKE on one column, the same on SQLite and PostgreSQL (BC keeps a "Search Name" for the same reason).
    /// </summary>
    public string SearchText { get; private set; } = "";

    /// <summary>BC's "Search Name": the name upper-cased, for a case-insensitive sort by name on both databases.</summary>
    public string SearchName { get; private set; } = "";

    public DateTimeOffset LastDateTimeModified { get; private set; }

    public static Contact Create(string no, ContactFields fields, Contact? company, DateTimeOffset now, FieldErrors errors)
    {
        var contact = new Contact { No = no, Type = fields.Type.Or(null) ?? ContactType.Company };
        if (!fields.Name.IsSet)
        {
            errors.Required("name", null);
        }
        contact.Apply(fields, company, now, errors);
        return contact;
    }

    /// <summary>
    /// Applies the given fields. The caller has looked up the company named by companyNo (null when none or not
    /// found: then companyNo is reported here).
    /// </summary>
    public void Apply(ContactFields fields, Contact? company, DateTimeOffset now, FieldErrors errors)
    {
        if (fields.Type.IsSet)
        {
            Type = fields.Type.Value ?? ContactType.Company;
        }
        if (fields.Name.IsSet)
        {
            Name = errors.MaxLength("name", errors.Required("name", fields.Name.Value?.Trim()), NameLength) ?? "";
        }
        Email = Text(fields.Email, Email, "email", EmailLength, errors);
        if (fields.Email.IsSet && Email is not null && !LooksLikeEmail(Email))
        {
            errors.Add("email", Messages.Get("EmailNotValid", Email));
        }
        PhoneNo = Text(fields.PhoneNo, PhoneNo, "phoneNo", PhoneLength, errors);
        MobilePhoneNo = Text(fields.MobilePhoneNo, MobilePhoneNo, "mobilePhoneNo", PhoneLength, errors);
        Address = Text(fields.Address, Address, "address", AddressLength, errors);
        PostCode = Text(fields.PostCode, PostCode, "postCode", PostCodeLength, errors);
        City = Text(fields.City, City, "city", CityLength, errors);
        CountryRegionCode = Code(fields.CountryRegionCode, CountryRegionCode, "countryRegionCode", CodeLength, errors);
        LanguageCode = Code(fields.LanguageCode, LanguageCode, "languageCode", CodeLength, errors);
        SalespersonCode = Code(fields.SalespersonCode, SalespersonCode, "salespersonCode", SalespersonCodeLength, errors);
        if (fields.CorrespondenceType.IsSet)
        {
            CorrespondenceType = fields.CorrespondenceType.Value ?? CorrespondenceType.None;
        }
        if (fields.PrivacyBlocked.IsSet)
        {
            PrivacyBlocked = fields.PrivacyBlocked.Value ?? false;
        }
        ApplyCompany(fields.CompanyNo, company, errors);
        SearchText = BuildSearchText(Name, Email, PhoneNo, MobilePhoneNo);
        SearchName = Name.ToUpperInvariant();
        LastDateTimeModified = now;
    }

    private void ApplyCompany(Optional<string?> companyNo, Contact? company, FieldErrors errors)
    {
        var requested = Codes.Normalize(companyNo.Value);
        if (Type == ContactType.Company)
        {
            // A company belongs to itself, as in BC; naming another company is a mistake worth telling.
            if (companyNo.IsSet && requested is not null && requested != No)
            {
                errors.Add("companyNo", Messages.Get("CompanyCannotBelongToCompany"));
            }
            CompanyNo = No;
            CompanyName = Name;
            return;
        }
        if (!companyNo.IsSet)
        {
            // A person turned from a company keeps no company of its own.
            if (CompanyNo == No)
            {
                CompanyNo = null;
                CompanyName = null;
            }
            return;
        }
        if (requested is null)
        {
            CompanyNo = null;
            CompanyName = null;
            return;
        }
        if (company is null || company.Type != ContactType.Company || company.No != requested)
        {
            errors.Add("companyNo", Messages.Get("NoCompanyContact", requested));
            return;
        }
        CompanyNo = company.No;
        CompanyName = company.Name;
    }

    /// <summary>The number is taken from the series only once the input is known to be valid.</summary>
    public void AssignNo(string no)
    {
        No = no;
        if (Type == ContactType.Company)
        {
            CompanyNo = no;
        }
    }

    public static string BuildSearchText(string name, string? email, string? phoneNo, string? mobilePhoneNo) =>
        string.Join('\n', new[] { name, email, phoneNo, mobilePhoneNo }.Where(s => !string.IsNullOrEmpty(s)))
            .ToUpperInvariant();

    private static bool LooksLikeEmail(string email)
    {
        // BC's CheckValidEmailAddress: one @, something before it, a dot-separated domain after it, no spaces.
        var at = email.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1
            && !email.Any(char.IsWhiteSpace) && !email.EndsWith('.');
    }

    private static string? Text(Optional<string?> value, string? current, string field, int max, FieldErrors errors)
    {
        if (!value.IsSet)
        {
            return current;
        }
        var text = string.IsNullOrWhiteSpace(value.Value) ? null : value.Value.Trim();
        return errors.MaxLength(field, text, max);
    }

    private static string? Code(Optional<string?> value, string? current, string field, int max, FieldErrors errors) =>
        value.IsSet ? errors.MaxLength(field, Codes.Normalize(value.Value), max) : current;
}
