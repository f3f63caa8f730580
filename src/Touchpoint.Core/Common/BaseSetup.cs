using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Interactions;
using Touchpoint.Core.NoSeries;

namespace Touchpoint.Core.Common;

/// <summary>
/// What every database needs before the first user works in it, demo data or not: the number series (BC's
/// Marketing Setup "Contact Nos." etc.) and the single Interaction Template Setup record. Run at every start; it
/// only adds what is missing, so changed prefixes stay.
/// </summary>
public sealed class BaseSetup(ITouchpointDb db)
{
    public async Task EnsureAsync(CancellationToken ct = default)
    {
        (string Code, string Description, string Prefix, int Width)[] series =
        [
            (NoSeriesLine.Contacts, "Contacts", "CT", 6),
            (NoSeriesLine.Campaigns, "Campaigns", "CP", 4),
            (NoSeriesLine.Opportunities, "Opportunities", "OP", 6),
            (NoSeriesLine.Segments, "Segments", "SM", 5),
        ];
        var existing = await db.NoSeries.Select(s => s.Code).ToListAsync(ct);
        foreach (var s in series.Where(s => !existing.Contains(s.Code)))
        {
            db.NoSeries.Add(new NoSeriesLine(s.Code, s.Description, s.Prefix, s.Width));
        }
        if (!await db.InteractionTemplateSetup.AnyAsync(ct))
        {
            db.InteractionTemplateSetup.Add(new InteractionTemplateSetup());
        }
        await db.SaveChangesAsync(ct);
    }
}
