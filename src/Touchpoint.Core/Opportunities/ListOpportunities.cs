using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Opportunities;

public sealed record OpportunityListQuery(string? Search, string? ContactNo, string? SalespersonCode, string? CampaignNo,
    bool? Closed, int? Limit, string? Cursor)
{
    public OpportunityStatus? Status { get; init; }
}

/// <summary>Opportunities by number, keyset-paged, with the filters a list page and an integrator need.</summary>
public sealed class ListOpportunities(ITouchpointDb db)
{
    public async Task<Page<OpportunityDto>> HandleAsync(OpportunityListQuery q, CancellationToken ct = default)
    {
        var take = Cursor.Limit(q.Limit);
        var after = Cursor.Decode(q.Cursor, 1)?[0];
        var query = Matching(q);
        if (after is not null)
        {
            query = query.Where(o => string.Compare(o.No, after) > 0);
        }
        var rows = await query.OrderBy(o => o.No).Take(take + 1).Select(OpportunityDto.Projection).ToListAsync(ct);
        return Paged.Of(rows, take, r => [r.No]);
    }

    /// <summary>How many opportunities the filters match (the home page's cue); paging is ignored.</summary>
    public Task<int> CountAsync(OpportunityListQuery q, CancellationToken ct = default) => Matching(q).CountAsync(ct);

    private IQueryable<Opportunity> Matching(OpportunityListQuery q)
    {
        var query = db.Opportunities.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Search))
        {
            var term = q.Search.Trim().ToUpperInvariant();
            query = query.Where(o => o.No.Contains(term) || o.Description.ToUpper().Contains(term));
        }
        if (Codes.Normalize(q.ContactNo) is { } contactNo)
        {
            query = query.Where(o => o.ContactNo == contactNo || o.ContactCompanyNo == contactNo);
        }
        if (Codes.Normalize(q.SalespersonCode) is { } salesperson)
        {
            query = query.Where(o => o.SalespersonCode == salesperson);
        }
        if (Codes.Normalize(q.CampaignNo) is { } campaign)
        {
            query = query.Where(o => o.CampaignNo == campaign);
        }
        if (q.Closed is { } closed)
        {
            query = query.Where(o => o.Closed == closed);
        }
        if (q.Status is { } status)
        {
            query = query.Where(o => o.Status == status);
        }
        return query;
    }

    /// <summary>The opportunity's history (rule 68), newest first; at most a few per stage, so not paged.</summary>
    public async Task<IReadOnlyList<OpportunityEntryDto>> EntriesAsync(string no, CancellationToken ct = default)
    {
        no = Codes.Normalize(no) ?? "";
        if (!await db.Opportunities.AnyAsync(o => o.No == no, ct))
        {
            throw DomainException.NotFound(Messages.Get("OpportunityNotFound", no));
        }
        return await db.OpportunityEntries.AsNoTracking().Where(e => e.OpportunityNo == no).OrderByDescending(e => e.EntryNo)
            .Take(Cursor.MaxLimit).Select(OpportunityEntryDto.Projection).ToListAsync(ct);
    }

    public async Task<OpportunityDto> GetAsync(string no, CancellationToken ct = default)
    {
        no = Codes.Normalize(no) ?? "";
        return await db.Opportunities.AsNoTracking().Where(o => o.No == no).Select(OpportunityDto.Projection).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(Messages.Get("OpportunityNotFound", no));
    }
}
