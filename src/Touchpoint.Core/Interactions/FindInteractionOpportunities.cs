using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.Opportunities;

namespace Touchpoint.Core.Interactions;

/// <summary>
/// The wizard's opportunity look-up (rule 18): open opportunities of the contact's company (of the contact itself when
/// it belongs to none), of the chosen salesperson when there is one, whose No. or description contains what was typed.
/// The database does the filtering, so every open opportunity can be found; each search returns the first few only.
/// </summary>
public sealed class FindInteractionOpportunities(ITouchpointDb db)
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 50;

    public async Task<IReadOnlyList<OpportunityDto>> HandleAsync(string? contactNo, string? salespersonCode, string? search, int? limit,
        CancellationToken ct = default)
    {
        var take = Math.Clamp(limit ?? DefaultLimit, 1, MaxLimit);
        var query = db.Opportunities.AsNoTracking().Where(o => !o.Closed);
        if (Codes.Normalize(contactNo) is { } no)
        {
            var contact = await db.Contacts.AsNoTracking().Where(c => c.No == no).Select(c => new { c.No, c.CompanyNo }).FirstOrDefaultAsync(ct);
            if (contact is null)
            {
                return [];
            }
            query = contact.CompanyNo is { } companyNo
                ? query.Where(o => o.ContactCompanyNo == companyNo)
                : query.Where(o => o.ContactNo == contact.No);
        }
        if (Codes.Normalize(salespersonCode) is { } salesperson)
        {
            query = query.Where(o => o.SalespersonCode == salesperson);
        }
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(o => o.No.Contains(term) || o.Description.ToUpper().Contains(term));
        }
        return await query.OrderBy(o => o.No).Take(take).Select(OpportunityDto.Projection).ToListAsync(ct);
    }
}
