using System.Linq.Expressions;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Contacts;

/// <summary>A contact as the API and the UI show it.</summary>
public sealed record ContactDto(
    string No,
    ContactType Type,
    string Name,
    string? CompanyNo,
    string? CompanyName,
    string? Email,
    string? PhoneNo,
    string? MobilePhoneNo,
    string? Address,
    string? PostCode,
    string? City,
    string? CountryRegionCode,
    string? LanguageCode,
    string? SalespersonCode,
    CorrespondenceType CorrespondenceType,
    bool PrivacyBlocked)
{
    /// <summary>The projection used by every read, so lists select only these columns.</summary>
    public static readonly Expression<Func<Contact, ContactDto>> Projection = c => new ContactDto(
        c.No, c.Type, c.Name, c.CompanyNo, c.CompanyName, c.Email, c.PhoneNo, c.MobilePhoneNo, c.Address,
        c.PostCode, c.City, c.CountryRegionCode, c.LanguageCode, c.SalespersonCode, c.CorrespondenceType,
        c.PrivacyBlocked);

    private static readonly Func<Contact, ContactDto> Compiled = Projection.Compile();

    public static ContactDto From(Contact c) => Compiled(c);
}
