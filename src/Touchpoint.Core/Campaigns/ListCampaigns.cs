using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Campaigns;

/// <summary>Campaigns by number, keyset-paged; search in number and description.</summary>
public sealed class ListCampaigns(ITouchpointDb db)
{
    public async Task<Page<CampaignDto>> HandleAsync(string? search, int? limit, string? cursor, CancellationToken ct = default)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode(cursor, 1)?[0];
        var query = db.Campaigns.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(c => c.No.Contains(term) || c.Description.ToUpper().Contains(term));
        }
        if (after is not null)
        {
            query = query.Where(c => string.Compare(c.No, after) > 0);
        }
        var rows = await query.OrderBy(c => c.No).Take(take + 1).Select(CampaignDto.Projection).ToListAsync(ct);
        return Paged.Of(rows, take, r => [r.No]);
    }

    public async Task<CampaignDto> GetAsync(string no, CancellationToken ct = default)
    {
        no = Codes.Normalize(no) ?? "";
        return await db.Campaigns.AsNoTracking().Where(c => c.No == no).Select(CampaignDto.Projection).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(Messages.Get("CampaignNotFound", no));
    }
}
