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
            throw new DomainException(DomainErrorKind.NotFound,
                $"Contact {contactNo} has no business relation to {linkToTable.ToString().ToLowerInvariant()} {no}.");
        }
    }
}
