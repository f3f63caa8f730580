using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Contacts;

public sealed class RemoveBusinessRelation(ITouchpointDb db)
{
    public async Task HandleAsync(string contactNo, LinkToTable linkToTable, string linkNo, CancellationToken ct = default)
    {
        contactNo = Codes.Normalize(contactNo) ?? "";
        var no = Codes.Normalize(linkNo) ?? "";
        var deleted = await db.ContactBusinessRelations
            .Where(r => r.ContactNo == contactNo && r.LinkToTable == linkToTable && r.LinkNo == no)
            .ExecuteDeleteAsync(ct);
        if (deleted == 0)
        {
            throw DomainException.NotFound(linkToTable == LinkToTable.Customer
                ? Messages.Get("NoCustomerRelation", contactNo, no)
                : Messages.Get("NoVendorRelation", contactNo, no));
        }
    }
}
