using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

/// <summary>A line as personalising it would make it, and the languages it could be written in.</summary>
public sealed record SegmentLinePreviewDto(SegmentLineDto Line, IReadOnlyList<string> LanguageCodes);

/// <summary>
/// Personalises one line; the contact of a line is not changed here (remove the line and add another). Another
/// template re-derives the line (rules 13–15): its defaults, description, correspondence type, and the language and
/// file of rule 65, with line-level copies of its languages when it is not the header's template (rule 40). A
/// languageCode the line can have no language for is refused at the field.
/// </summary>
public sealed class UpdateSegmentLine(ITouchpointDb db, SegmentLanguages languages, ListSegmentLines read)
{
    public async Task<SegmentLineDto> HandleAsync(string segmentNo, int lineNo, SegmentLineFields fields, CancellationToken ct = default)
    {
        segmentNo = Codes.Normalize(segmentNo) ?? "";
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var (line, plan) = await ApplyAsync(segmentNo, lineNo, fields, tracked: true, ct);
        await languages.WriteAsync(plan, line, ct);
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await read.GetAsync(segmentNo, lineNo, ct);
    }

    /// <summary>What <see cref="HandleAsync"/> would make of the line, written nowhere: a form shows it before saving.</summary>
    public async Task<SegmentLinePreviewDto> PreviewAsync(string segmentNo, int lineNo, SegmentLineFields fields, CancellationToken ct = default)
    {
        segmentNo = Codes.Normalize(segmentNo) ?? "";
        var (line, plan) = await ApplyAsync(segmentNo, lineNo, fields, tracked: false, ct);
        var contactName = await db.Contacts.Where(c => c.No == line.ContactNo).Select(c => c.Name).FirstOrDefaultAsync(ct);
        return new SegmentLinePreviewDto(line.ToDto(contactName), plan.LanguageCodes);
    }

    private async Task<(SegmentLine Line, SegmentLinePlan Plan)> ApplyAsync(string segmentNo, int lineNo, SegmentLineFields fields, bool tracked,
        CancellationToken ct)
    {
        var lines = tracked ? db.SegmentLines : db.SegmentLines.AsNoTracking();
        var line = await lines.FirstOrDefaultAsync(l => l.SegmentNo == segmentNo && l.LineNo == lineNo, ct)
            ?? throw DomainException.NotFound(Messages.Get("SegmentLineNotFound", lineNo, segmentNo));
        var header = await db.SegmentHeaders.AsNoTracking().FirstAsync(s => s.No == segmentNo, ct);
        var contact = await db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.No == line.ContactNo, ct);
        var errors = new FieldErrors();
        var template = await SegmentLineRules.TemplateAsync(db, fields.InteractionTemplateCode, errors, ct);
        var previousTemplate = line.InteractionTemplateCode;
        line.Apply(fields, template, header, contact, errors);
        var plan = await languages.PlanAsync(header, line, contact, template, line.InteractionTemplateCode != previousTemplate, fields.LanguageCode, errors, ct);
        await SegmentLineRules.CheckAsync(db, line, fields, errors, ct);
        errors.ThrowIfAny();
        return (line, plan);
    }
}
