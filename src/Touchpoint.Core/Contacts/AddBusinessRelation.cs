using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Contacts;

/// <summary>Links a contact to a customer or vendor; a customer/vendor no. already linked elsewhere is a 409.</summary>
public sealed class AddBusinessRelation(ITouchpointDb db)
{
    public async Task<BusinessRelationDto> HandleAsync(string contactNo, LinkToTable? linkToTable, string? linkNo, CancellationToken ct = default)
    {
        contactNo = Codes.Normalize(contactNo) ?? "";
        if (!await db.Contacts.AnyAsync(c => c.No == contactNo, ct))
        {
            throw DomainException.NotFound(Messages.Get("ContactNotFound", contactNo));
        }
        var errors = new FieldErrors();
        if (linkToTable is null)
        {
            errors.Add("linkToTable", Messages.Get("LinkToTableRequired", Messages.Field("linkToTable")));
        }
        var no = errors.MaxLength("linkNo", errors.Required("linkNo", Codes.Normalize(linkNo)), ContactBusinessRelation.LinkNoLength);
        errors.ThrowIfAny();

        var table = linkToTable!.Value;
        var owner = await db.ContactBusinessRelations.AsNoTracking()
            .Where(r => r.LinkToTable == table && r.LinkNo == no).Select(r => r.ContactNo).FirstOrDefaultAsync(ct);
        if (owner is not null)
        {
            throw DomainException.Conflict(table == LinkToTable.Customer
                ? Messages.Get("CustomerAlreadyLinked", no, owner)
                : Messages.Get("VendorAlreadyLinked", no, owner), "linkNo");
        }
        db.ContactBusinessRelations.Add(new ContactBusinessRelation(contactNo, table, no!));
        await db.SaveChangesAsync(ct);
        return new BusinessRelationDto(table, no!);
    }
}
