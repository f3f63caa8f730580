using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Contacts;

/// <summary>PATCH of a contact: only the given fields change.</summary>
public sealed class UpdateContact(ITouchpointDb db, TimeProvider clock)
{
    public async Task<ContactDto> HandleAsync(string no, ContactFields fields, CancellationToken ct = default)
    {
        no = Codes.Normalize(no) ?? "";
        var contact = await db.Contacts.FirstOrDefaultAsync(c => c.No == no, ct)
            ?? throw DomainException.NotFound(Messages.Get("ContactNotFound", no));
        var wasCompany = contact.Type == ContactType.Company;
        var oldName = contact.Name;

        var errors = new FieldErrors();
        var company = await ContactRules.FindCompanyAsync(db, fields.CompanyNo, ct);
        await References.SalespersonAsync(db, Codes.Normalize(fields.SalespersonCode.Value), "salespersonCode", errors, ct);
        contact.Apply(fields, company, clock.GetUtcNow(), errors);
        if (fields.CompanyNo.IsSet && Codes.Normalize(fields.CompanyNo.Value) == no && contact.Type == ContactType.Person)
        {
            errors.Add("companyNo", Messages.Get("PersonCannotBeOwnCompany"));
        }
        errors.ThrowIfAny();

        var hasPersons = wasCompany &&
            await db.Contacts.AnyAsync(c => c.CompanyNo == no && c.No != no, ct);
        if (wasCompany && contact.Type == ContactType.Person && hasPersons)
        {
            throw DomainException.Conflict(Messages.Get("CompanyCannotBecomePerson", no), "type");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (hasPersons && contact.Name != oldName)
        {
            // BC keeps Company Name on each person; a renamed company renames it everywhere in one statement.
            var newName = contact.Name;
            await db.Contacts.Where(c => c.CompanyNo == no && c.No != no)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.CompanyName, newName), ct);
        }
        await transaction.CommitAsync(ct);
        return ContactDto.From(contact);
    }
}
