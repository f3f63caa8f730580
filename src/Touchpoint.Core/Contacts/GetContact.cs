using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Contacts;

public sealed class GetContact(ITouchpointDb db)
{
    public async Task<ContactDto> HandleAsync(string no, CancellationToken ct = default)
    {
        no = Codes.Normalize(no) ?? "";
        return await db.Contacts.AsNoTracking().Where(c => c.No == no).Select(ContactDto.Projection).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(Messages.Get("ContactNotFound", no));
    }
}
