using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

/// <summary>
/// Changes a segment; with <c>applyToLines</c> (BC's question answered Yes) the change reaches the lines: a new
/// template all of them (rule 39), other changes the lines with the header's template (rule 38), a new default subject
/// the lines that still have the old one (rule 66).
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
        var previousSubject = segment.SubjectDefault;
        segment.Apply(fields, template, errors);
        await SegmentRules.CheckAsync(db, segment, fields, errors, ct);
        errors.ThrowIfAny();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var templateChanged = segment.InteractionTemplateCode != previousTemplate;
        if (applyToLines && SegmentLine.ReachesLines(fields, templateChanged))
        {
            var lines = db.SegmentLines.Where(l => l.SegmentNo == no);
            if (!templateChanged)
            {
                lines = lines.Where(l => l.InteractionTemplateCode == previousTemplate);
            }
            await lines.ExecuteUpdateAsync(set => SegmentLine.FollowHeader(set, segment, fields, templateChanged), ct);
        }
        if (applyToLines && segment.SubjectDefault != previousSubject)
        {
            // Rule 66: a new default subject replaces the old one on the lines of the header's template that still have it;
            // a subject a line was given by hand stays.
            var subject = segment.SubjectDefault;
            await db.SegmentLines.Where(l => l.SegmentNo == no && l.InteractionTemplateCode == segment.InteractionTemplateCode && l.Subject == previousSubject)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.Subject, subject), ct);
        }
        await transaction.CommitAsync(ct);
        return await read.GetAsync(no, ct);
    }
}
