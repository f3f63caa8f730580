using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.NoSeries;

namespace Touchpoint.Core.Contacts;

/// <summary>Creates a company or person contact; the number comes from the contact series when none is given.</summary>
public sealed class CreateContact(ITouchpointDb db, NoSeriesManagement noSeries, TimeProvider clock)
{
    public async Task<ContactDto> HandleAsync(string? no, ContactFields fields, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var contactNo = errors.MaxLength("no", Codes.Normalize(no), Contact.NoLength);
        var company = await ContactRules.FindCompanyAsync(db, fields.CompanyNo, ct);
        if (company is not null && fields.Type.Value == ContactType.Person)
        {
            fields = ContactRules.InheritFromCompany(fields, company);
        }
        await References.SalespersonAsync(db, Codes.Normalize(fields.SalespersonCode.Value), "salespersonCode", errors, ct);
        var contact = Contact.Create(contactNo ?? "", fields, company, clock.GetUtcNow(), errors);
        errors.ThrowIfAny();

        if (contactNo is not null)
        {
            if (await db.Contacts.AnyAsync(c => c.No == contactNo, ct))
            {
                throw DomainException.Conflict(Messages.Get("ContactExists", contactNo), "no");
            }
        }
        else
        {
            contactNo = await noSeries.GetNextNoAsync(NoSeriesLine.Contacts, n => db.Contacts.AnyAsync(c => c.No == n, ct), ct);
        }
        contact.AssignNo(contactNo);
        db.Contacts.Add(contact);
        await db.SaveChangesAsync(ct);
        return ContactDto.From(contact);
    }

    /// <summary>
    /// What a new person at the company starts with (BC's "Create as person"), for a card to show before it is saved:
    /// no number and no name yet.
    /// </summary>
    public async Task<ContactDto> NewPersonAsync(string companyNo, CancellationToken ct = default)
    {
        var company = await ContactRules.FindCompanyAsync(db, companyNo, ct)
            ?? throw DomainException.Invalid("companyNo", Messages.Get("NoCompanyContact", Codes.Normalize(companyNo) ?? ""));
        var f = ContactRules.InheritFromCompany(new ContactFields { Type = ContactType.Person, CompanyNo = company.No }, company);
        return new ContactDto("", ContactType.Person, "", company.No, company.Name, null, f.PhoneNo.Value, null, f.Address.Value,
            f.PostCode.Value, f.City.Value, f.CountryRegionCode.Value, f.LanguageCode.Value, f.SalespersonCode.Value,
            CorrespondenceType.None, false);
    }
}
