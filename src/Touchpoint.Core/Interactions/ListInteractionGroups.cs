using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Interactions;

public sealed class ListInteractionGroups(ITouchpointDb db)
{
    public async Task<Page<InteractionGroupDto>> HandleAsync(string? search, int? limit, string? cursor, CancellationToken ct = default)
    {
        var take = Cursor.Limit(limit);
        var after = Cursor.Decode(cursor, 1)?[0];
        var query = db.InteractionGroups.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = search.Trim().ToUpperInvariant();
            query = query.Where(g => g.Code.Contains(term) || g.Description.ToUpper().Contains(term));
        }
        if (after is not null)
        {
            query = query.Where(g => string.Compare(g.Code, after) > 0);
        }
        var rows = await query.OrderBy(g => g.Code).Take(take + 1).Select(g => new InteractionGroupDto(g.Code, g.Description)).ToListAsync(ct);
        return Paged.Of(rows, take, r => [r.Code]);
    }

    public async Task<InteractionGroupDto> GetAsync(string code, CancellationToken ct = default)
    {
        code = Codes.Normalize(code) ?? "";
        return await db.InteractionGroups.AsNoTracking().Where(g => g.Code == code)
            .Select(g => new InteractionGroupDto(g.Code, g.Description)).FirstOrDefaultAsync(ct)
            ?? throw DomainException.NotFound(Messages.Get("InteractionGroupNotFound", code));
    }
}
