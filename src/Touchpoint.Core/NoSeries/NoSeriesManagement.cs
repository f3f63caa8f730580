using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.NoSeries;

/// <summary>
/// Hands out the next number of a series. The counter is raised and read in one UPDATE … RETURNING statement, so two
/// callers at the same moment never get the same number on either database, without holding a transaction open.
/// Gaps may occur (as in BC) when a create fails after taking a number.
/// </summary>
public sealed class NoSeriesManagement(ITouchpointDb db)
{
    public async Task<string> GetNextNoAsync(string seriesCode, Func<string, Task<bool>> isTaken, CancellationToken ct)
    {
        var series = await db.NoSeries.AsNoTracking().SingleOrDefaultAsync(s => s.Code == seriesCode, ct)
            ?? throw new DomainException(DomainErrorKind.Invalid, Messages.Get("NoSeriesNotSetUp", seriesCode));
        // A number typed in by hand may already use the next value: skip it, as BC's manual numbers would clash too.
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var next = await db.Database
                .SqlQueryRaw<int>("UPDATE \"NoSeries\" SET \"LastNoUsed\" = \"LastNoUsed\" + 1 WHERE \"Code\" = {0} RETURNING \"LastNoUsed\" AS \"Value\"", seriesCode)
                .ToListAsync(ct);
            var no = series.Format(next[0]);
            if (no.Length > 20)
            {
                throw new DomainException(DomainErrorKind.Conflict, Messages.Get("NoSeriesExhausted", seriesCode));
            }
            if (!await isTaken(no))
            {
                return no;
            }
        }
        throw new DomainException(DomainErrorKind.Conflict, Messages.Get("NoSeriesNoFreeNumber", seriesCode));
    }
}
