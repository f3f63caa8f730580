using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

/// <summary>
/// Changes a segment; with <c>applyToLines</c> (BC's question answered Yes) the change reaches the lines: a new
/// template all of them (rule 39), other changes the lines with the header's template (rule 38).
/// </summary>
public sealed class UpdateSegment(ITouchpointDb db, ListSegments read)
{
    public async Task<SegmentDto> HandleAsync(string no, SegmentFields fields, bool applyToLines = true, CancellationToken ct = default)
    {
        no = Codes.Normalize(no) ?? "";
        var segment = await db.SegmentHeaders.FirstOrDefaultAsync(s => s.No == no, ct)
            ?? throw DomainException.NotFound(Messages.Get("SegmentNotFound", no));
        var errors = new FieldErrors();
        var template = await SegmentRules.TemplateAsync(db, fields, errors, ct);
        var previousTemplate = segment.InteractionTemplateCode;
        segment.Apply(fields, template, errors);
        await SegmentRules.CheckAsync(db, segment, fields, errors, ct);
        errors.ThrowIfAny();
        if (applyToLines)
        {
            var templateChanged = segment.InteractionTemplateCode != previousTemplate;
            var lines = await db.SegmentLines.Where(l => l.SegmentNo == no).ToListAsync(ct);
            foreach (var line in lines.Where(l => templateChanged || l.InteractionTemplateCode == previousTemplate))
            {
                line.FollowHeader(segment, fields, templateChanged);
            }
        }
        await db.SaveChangesAsync(ct);
        return await read.GetAsync(no, ct);
    }
}
