using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

/// <summary>Personalises one line; the contact of a line is not changed here (remove the line and add another).</summary>
public sealed class UpdateSegmentLine(ITouchpointDb db, ListSegmentLines read)
{
    public async Task<SegmentLineDto> HandleAsync(string segmentNo, int lineNo, SegmentLineFields fields, CancellationToken ct = default)
    {
        segmentNo = Codes.Normalize(segmentNo) ?? "";
        var line = await db.SegmentLines.FirstOrDefaultAsync(l => l.SegmentNo == segmentNo && l.LineNo == lineNo, ct)
            ?? throw DomainException.NotFound(Messages.Get("SegmentLineNotFound", lineNo, segmentNo));
        var errors = new FieldErrors();
        var template = await SegmentLineRules.TemplateAsync(db, fields.InteractionTemplateCode, errors, ct);
        line.Apply(fields, template, errors);
        await SegmentLineRules.CheckAsync(db, line, fields, errors, ct);
        errors.ThrowIfAny();
        await db.SaveChangesAsync(ct);
        return await read.GetAsync(segmentNo, lineNo, ct);
    }
}
