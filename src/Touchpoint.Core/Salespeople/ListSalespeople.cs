using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Salespeople;

/// <summary>Salespeople by code, keyset-paged; search in code and name.</summary>
public sealed class ListSalespeople(ITouchpointDb db)
{
    public async Task<Page<SalespersonDto>> HandleAsync(string? search, int? limit, string? cursor, CancellationToken ct = default)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode(cursor, 1)?[0];
        var query = db.Salespeople.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(s => s.Code.Contains(term) || s.Name.ToUpper().Contains(term));
        }
        if (after is not null)
        {
            query = query.Where(s => string.Compare(s.Code, after) > 0);
        }
        var rows = await query.OrderBy(s => s.Code).Take(take + 1).Select(SalespersonDto.Projection).ToListAsync(ct);
        return Paged.Of(rows, take, r => [r.Code]);
    }

    public async Task<SalespersonDto> GetAsync(string code, CancellationToken ct = default)
    {
        code = Codes.Normalize(code) ?? "";
        return await db.Salespeople.AsNoTracking().Where(s => s.Code == code).Select(SalespersonDto.Projection).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(Messages.Get("SalespersonNotFound", code));
    }
}
