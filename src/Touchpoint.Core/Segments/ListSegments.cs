using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

/// <summary>
/// Segments by number, keyset-paged; search in number and description. A segment stays here until it is logged
/// (logging removes it), so this is BC's list of segments not yet logged.
/// </summary>
public sealed class ListSegments(ITouchpointDb db)
{
    public Task<Page<SegmentDto>> HandleAsync(string? search, int? limit, string? cursor, CancellationToken ct = default) =>
        HandleAsync(search, null, limit, cursor, ct);

    /// <summary>The list, also narrowed to one salesperson's segments (the home page's cue opens it so).</summary>
    public async Task<Page<SegmentDto>> HandleAsync(string? search, string? salespersonCode, int? limit, string? cursor, CancellationToken ct = default)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode(cursor, 1)?[0];
        var query = Matching(search, salespersonCode);
        if (after is not null)
        {
            query = query.Where(s => string.Compare(s.No, after) > 0);
        }
        var rows = await query.OrderBy(s => s.No).Take(take + 1).Select(SegmentDto.Projection).ToListAsync(ct);
        return Paged.Of(await WithTotalsAsync(rows, ct), take, r => [r.No]);
    }

    /// <summary>How many segments the filters match (the home page's cue).</summary>
    public Task<int> CountAsync(string? search, string? salespersonCode, CancellationToken ct = default) =>
        Matching(search, salespersonCode).CountAsync(ct);

    private IQueryable<SegmentHeader> Matching(string? search, string? salespersonCode)
    {
        var query = db.SegmentHeaders.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(s => s.No.Contains(term) || s.Description.ToUpper().Contains(term));
        }
        if (Codes.Normalize(salespersonCode) is { } salesperson)
        {
            query = query.Where(s => s.SalespersonCode == salesperson);
        }
        return query;
    }

    public async Task<SegmentDto> GetAsync(string no, CancellationToken ct = default)
    {
        no = Codes.Normalize(no) ?? "";
        var segment = await db.SegmentHeaders.AsNoTracking().Where(s => s.No == no).Select(SegmentDto.Projection).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(Messages.Get("SegmentNotFound", no));
        return (await WithTotalsAsync([segment], ct))[0];
    }

    /// <summary>Rule 42: "Send Attachments" is offered (and ticked) only when some line has a correspondence type.</summary>
    public Task<bool> AnyCorrespondenceTypeAsync(string no, CancellationToken ct = default)
    {
        no = Codes.Normalize(no) ?? "";
        return db.SegmentLines.AsNoTracking().AnyAsync(l => l.SegmentNo == no && l.CorrespondenceType != CorrespondenceType.None, ct);
    }

    /// <summary>
    /// BC's FlowFields over the lines and criteria actions, summed by the database: a segment may hold 100,000 lines.
    /// (SQLite stores decimals as text; EF Core sums them there with its ef_sum function, exactly.)
    /// </summary>
    private async Task<List<SegmentDto>> WithTotalsAsync(List<SegmentDto> segments, CancellationToken ct)
    {
        var nos = segments.Select(s => s.No).ToList();
        var totals = await db.SegmentLines.AsNoTracking().Where(l => nos.Contains(l.SegmentNo))
            .GroupBy(l => l.SegmentNo)
            .Select(g => new { SegmentNo = g.Key, Count = g.Count(), Cost = g.Sum(l => l.CostLcy), Duration = g.Sum(l => l.DurationMin) })
            .ToDictionaryAsync(t => t.SegmentNo, t => (t.Count, t.Cost, t.Duration), ct);
        var actions = await db.SegmentCriteriaActions.AsNoTracking().Where(a => nos.Contains(a.SegmentNo))
            .GroupBy(a => a.SegmentNo).Select(g => new { SegmentNo = g.Key, Count = g.Count() }).ToDictionaryAsync(a => a.SegmentNo, a => a.Count, ct);
        return segments.Select(s => (totals.TryGetValue(s.No, out var t)
            ? s with { NoOfLines = t.Count, CostLcy = t.Cost, DurationMin = t.Duration }
            : s) with { NoOfCriteriaActions = actions.GetValueOrDefault(s.No) }).ToList();
    }
}
