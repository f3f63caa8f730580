using Touchpoint.Core.Common;
using Touchpoint.Core.Contacts;

namespace Touchpoint.Web.Components.Contacts;

/// <summary>What the contact card edits: the fields of <see cref="ContactDto"/> as mutable properties.</summary>
internal sealed class ContactForm
{
    public string? No { get; set; }
    public ContactType Type { get; set; }
    public string? Name { get; set; }
    public string? CompanyNo { get; set; }
    public string? CompanyName { get; set; }
    public string? Email { get; set; }
    public string? PhoneNo { get; set; }
    public string? MobilePhoneNo { get; set; }
    public string? Address { get; set; }
    public string? PostCode { get; set; }
    public string? City { get; set; }
    public string? CountryRegionCode { get; set; }
    public string? LanguageCode { get; set; }
    public string? SalespersonCode { get; set; }
    public CorrespondenceType CorrespondenceType { get; set; }
    public bool PrivacyBlocked { get; set; }

    public static ContactForm From(ContactDto c) => new()
    {
        No = c.No,
        Type = c.Type,
        Name = c.Name,
        CompanyNo = c.CompanyNo,
        CompanyName = c.CompanyName,
        Email = c.Email,
        PhoneNo = c.PhoneNo,
        MobilePhoneNo = c.MobilePhoneNo,
        Address = c.Address,
        PostCode = c.PostCode,
        City = c.City,
        CountryRegionCode = c.CountryRegionCode,
        LanguageCode = c.LanguageCode,
        SalespersonCode = c.SalespersonCode,
        CorrespondenceType = c.CorrespondenceType,
        PrivacyBlocked = c.PrivacyBlocked,
    };

    /// <summary>
    /// Every field the card shows, for create and update alike. A company's Company No. is its own No., so it is only
    /// sent for a person.
    /// </summary>
    public ContactFields ToFields() => new()
    {
        Type = Type,
        Name = Name,
        CompanyNo = Type == ContactType.Person ? new Optional<string?>(true, CompanyNo) : default,
        Email = Email,
        PhoneNo = PhoneNo,
        MobilePhoneNo = MobilePhoneNo,
        Address = Address,
        PostCode = PostCode,
        City = City,
        CountryRegionCode = CountryRegionCode,
        LanguageCode = LanguageCode,
        SalespersonCode = SalespersonCode,
        CorrespondenceType = CorrespondenceType,
        PrivacyBlocked = PrivacyBlocked,
    };
}
