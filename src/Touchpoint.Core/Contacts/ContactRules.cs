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
}
