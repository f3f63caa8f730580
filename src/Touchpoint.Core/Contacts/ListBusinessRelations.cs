using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Contacts;

public sealed class ListBusinessRelations(ITouchpointDb db)
{
    public async Task<IReadOnlyList<BusinessRelationDto>> HandleAsync(string contactNo, CancellationToken ct = default)
    {
        contactNo = Codes.Normalize(contactNo) ?? "";
        if (!await db.Contacts.AnyAsync(c => c.No == contactNo, ct))
        {
            throw DomainException.NotFound(Messages.Get("ContactNotFound", contactNo));
        }
        return await db.ContactBusinessRelations.AsNoTracking().Where(r => r.ContactNo == contactNo)
            .OrderBy(r => r.LinkToTable).ThenBy(r => r.LinkNo)
            .Select(r => new BusinessRelationDto(r.LinkToTable, r.LinkNo)).ToListAsync(ct);
    }
}
