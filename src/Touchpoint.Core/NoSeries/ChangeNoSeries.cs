using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.NoSeries;

public sealed record NoSeriesDto(string Code, string Description, string Prefix, int Width, int LastNoUsed, string NextNo);

/// <summary>Setup → Number Series: read the series and change a prefix or width (admins).</summary>
public sealed class ChangeNoSeries(ITouchpointDb db)
{
    public async Task<IReadOnlyList<NoSeriesDto>> ListAsync(CancellationToken ct = default)
    {
        var series = await db.NoSeries.AsNoTracking().OrderBy(s => s.Code).ToListAsync(ct);
        return series.Select(ToDto).ToList();
    }

    public async Task<NoSeriesDto> HandleAsync(string code, string? prefix, int? width, CancellationToken ct = default)
    {
        code = Codes.Normalize(code) ?? "";
        var series = await db.NoSeries.FirstOrDefaultAsync(s => s.Code == code, ct)
            ?? throw DomainException.NotFound(Messages.Get("NoSeriesNotFound", code));
        series.Change(prefix ?? series.Prefix, width, new FieldErrors());
        await db.SaveChangesAsync(ct);
        return ToDto(series);
    }

    private static NoSeriesDto ToDto(NoSeriesLine s) => new(s.Code, s.Description, s.Prefix, s.Width, s.LastNoUsed, s.Format(s.LastNoUsed + 1));
}
