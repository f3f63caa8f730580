using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Contacts;

/// <summary>Look-ups shared by the contact use cases.</summary>
internal static class ContactRules
{
    public static async Task<Contact?> FindCompanyAsync(ITouchpointDb db, Optional<string?> companyNo, CancellationToken ct)
    {
        var no = Codes.Normalize(companyNo.Value);
        if (!companyNo.IsSet || no is null)
        {
            return null;
        }
        return await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.No == no && c.Type == ContactType.Company, ct);
    }

    /// <summary>
    /// BC's "Create as person": a new person at a company takes over what it did not give of the company's address
    /// (street, post code and city as one, so that no address is a mix of two), country, phone no., language and
    /// salesperson. Explicitly sent values, empty ones too, are kept.
    /// </summary>
    public static ContactFields InheritFromCompany(ContactFields fields, Contact company)
    {
        var sentAddress = fields.Address.IsSet || fields.PostCode.IsSet || fields.City.IsSet;
        return fields with
        {
            Address = sentAddress ? fields.Address : company.Address,
            PostCode = sentAddress ? fields.PostCode : company.PostCode,
            City = sentAddress ? fields.City : company.City,
            CountryRegionCode = fields.CountryRegionCode.IsSet ? fields.CountryRegionCode : company.CountryRegionCode,
            PhoneNo = fields.PhoneNo.IsSet ? fields.PhoneNo : company.PhoneNo,
            LanguageCode = fields.LanguageCode.IsSet ? fields.LanguageCode : company.LanguageCode,
            SalespersonCode = fields.SalespersonCode.IsSet ? fields.SalespersonCode : company.SalespersonCode,
        };
    }
}
