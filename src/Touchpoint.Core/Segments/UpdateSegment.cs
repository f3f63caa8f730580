using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

/// <summary>
/// Changes a segment; with <c>applyToLines</c> (BC's question answered Yes) the change reaches the lines: a new
/// template all of them (rule 39), other changes the lines with the header's template (rule 38), a new default subject
/// the lines that still have the old one (rule 66). A new template rebuilds the header-level languages from its own,
/// with copies of their files; the lines without languages of their own take their contact's language or the
/// default, and its file (rules 39–40, 65).
/// </summary>
public sealed class UpdateSegment(ITouchpointDb db, SegmentLanguages languages, ListSegments read)
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
        var templateChanged = segment.InteractionTemplateCode != previousTemplate;
        var inheriting = db.SegmentLines.Where(l => l.SegmentNo == no && l.InteractionTemplateCode == previousTemplate
            && !db.SegmentInteractionLanguages.Any(s => s.SegmentNo == no && s.SegmentLineNo == l.LineNo));
        if (templateChanged && !applyToLines && await inheriting.AnyAsync(l => l.AttachmentNo != null, ct))
        {
            // Rule 39: declining would leave lines with files of a template the header no longer has.
            throw DomainException.Conflict(Messages.Get("SegmentTemplateInheritedAttachments", Messages.Field("interactionTemplateCode")), "applyToLines");
        }
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        var oldLanguages = languages.At(no, SegmentInteractionLanguage.HeaderLevel);
        var oldAttachments = templateChanged
            ? await oldLanguages.Where(l => l.AttachmentNo != null).Select(l => l.AttachmentNo!.Value).ToListAsync(ct)
            : [];
        if (templateChanged)
        {
            await oldLanguages.ExecuteDeleteAsync(ct);
            await languages.CopyTemplateLanguagesAsync(no, SegmentInteractionLanguage.HeaderLevel, segment.InteractionTemplateCode, segment.SubjectDefault, ct);
        }
        if (applyToLines && SegmentLine.ReachesLines(fields, templateChanged))
        {
            var lines = db.SegmentLines.Where(l => l.SegmentNo == no);
            if (!templateChanged)
            {
                lines = lines.Where(l => l.InteractionTemplateCode == previousTemplate);
            }
            await lines.ExecuteUpdateAsync(set => SegmentLine.FollowHeader(set, segment, fields, templateChanged), ct);
            if (templateChanged)
            {
                await languages.FollowHeaderAsync(segment, languages.Inheriting(segment), withSubject: true, ct);
            }
        }
        await languages.RemoveUnusedAsync(oldAttachments, ct);
        if (applyToLines && segment.SubjectDefault != previousSubject)
        {
            // Rule 66: a new default subject replaces the old one on the lines of the header's template and default
            // language that still have it; a subject a line was given by hand stays. The default language carries it.
            var (subject, language) = (segment.SubjectDefault, segment.LanguageCodeDefault);
            await db.SegmentLines.Where(l => l.SegmentNo == no && l.InteractionTemplateCode == segment.InteractionTemplateCode
                    && l.LanguageCode == language && l.Subject == previousSubject)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.Subject, subject), ct);
            await languages.At(no, SegmentInteractionLanguage.HeaderLevel).Where(l => l.LanguageCode == language)
                .ExecuteUpdateAsync(set => set.SetProperty(l => l.Subject, subject), ct);
        }
        await transaction.CommitAsync(ct);
        return await read.GetAsync(no, ct);
    }
}
