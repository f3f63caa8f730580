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
}
