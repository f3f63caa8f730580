using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Salespeople;

/// <summary>
/// Deletes a salesperson nobody refers to. One still named on contacts, campaigns or opportunities is refused with
/// the count, so no code is left dangling; block it instead to keep the history readable.
/// </summary>
public sealed class DeleteSalesperson(ITouchpointDb db)
{
    public async Task HandleAsync(string code, CancellationToken ct = default)
    {
        code = Codes.Normalize(code) ?? "";
        var salesperson = await db.Salespeople.FirstOrDefaultAsync(s => s.Code == code, ct)
            ?? throw DomainException.NotFound(Messages.Get("SalespersonNotFound", code));
        var uses = await db.Contacts.CountAsync(c => c.SalespersonCode == code, ct)
            + await db.Campaigns.CountAsync(c => c.SalespersonCode == code, ct)
            + await db.Opportunities.CountAsync(o => o.SalespersonCode == code, ct);
        if (uses > 0)
        {
            throw DomainException.Conflict(Messages.Get("SalespersonInUse", code, uses));
        }
        db.Salespeople.Remove(salesperson);
        await db.SaveChangesAsync(ct);
    }
}
