using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;
using Touchpoint.Core.NoSeries;

namespace Touchpoint.Core.Segments;

public sealed class CreateSegment(ITouchpointDb db, NoSeriesManagement noSeries, TimeProvider clock)
{
    public async Task<SegmentDto> HandleAsync(string? no, SegmentFields fields, CancellationToken ct = default)
    {
        var errors = new FieldErrors();
        var segmentNo = errors.MaxLength("no", Codes.Normalize(no), SegmentHeader.NoLength);
        var template = await SegmentRules.TemplateAsync(db, fields, errors, ct);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var segment = SegmentHeader.Create(segmentNo ?? "", today, fields, template, errors);
        await SegmentRules.CheckAsync(db, segment, fields, errors, ct);
        errors.ThrowIfAny();
        if (segmentNo is not null)
        {
            if (await db.SegmentHeaders.AnyAsync(s => s.No == segmentNo, ct))
            {
                throw DomainException.Conflict(Messages.Get("SegmentExists", segmentNo), "no");
            }
        }
        else
        {
            segmentNo = await noSeries.GetNextNoAsync(NoSeriesLine.Segments, n => db.SegmentHeaders.AnyAsync(s => s.No == n, ct), ct);
        }
        segment.AssignNo(segmentNo);
        db.SegmentHeaders.Add(segment);
        await db.SaveChangesAsync(ct);
        return segment.ToDto();
    }
}
