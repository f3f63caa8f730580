using Microsoft.EntityFrameworkCore;
using Touchpoint.Core.Common;

namespace Touchpoint.Core.Segments;

/// <summary>
/// Changes a segment language's description or subject. Rule 66: with <c>applyToLines</c> (BC's "Do you want to
/// update the segment lines with the same Interaction Template Code and Language Code?" answered Yes) a new subject
/// replaces the old one on the lines of the same template and language that still have it; the header's default
/// language carries the header's default subject, so the two stay one.
/// </summary>
public sealed class UpdateSegmentLanguage(ITouchpointDb db, SegmentLanguages languages, ListSegmentLanguages read)
{
    public async Task<SegmentInteractionLanguageDto> HandleAsync(string segmentNo, int lineNo, string languageCode, Optional<string?> description,
        Optional<string?> subject, bool applyToLines = true, CancellationToken ct = default)
    {
        var (header, line, language) = await languages.FindAsync(segmentNo, lineNo, languageCode, ct);
        var errors = new FieldErrors();
        var text = description.IsSet ? errors.MaxLength("description", description.Value?.Trim(), SegmentHeader.DescriptionLength) : null;
        var subjectText = subject.IsSet ? errors.MaxLength("subject", subject.Value?.Trim(), SegmentHeader.SubjectLength) ?? "" : null;
        errors.ThrowIfAny();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (description.IsSet)
        {
            language.Describe(text ?? "");
        }
        var oldSubject = language.Subject;
        if (subjectText is not null && subjectText != oldSubject)
        {
            language.SetSubject(subjectText);
            if (line is null && header.LanguageCodeDefault == language.LanguageCode)
            {
                header.UseDefaultSubject(subjectText);
            }
            await db.SaveChangesAsync(ct);
            if (applyToLines)
            {
                var template = line?.InteractionTemplateCode ?? header.InteractionTemplateCode;
                var code = language.LanguageCode;
                var lines = line is null
                    ? db.SegmentLines.Where(l => l.SegmentNo == header.No)
                    : db.SegmentLines.Where(l => l.SegmentNo == header.No && l.LineNo == line.LineNo);
                await lines.Where(l => l.InteractionTemplateCode == template && l.LanguageCode == code && l.Subject == oldSubject)
                    .ExecuteUpdateAsync(set => set.SetProperty(l => l.Subject, subjectText), ct);
            }
        }
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return await read.GetAsync(header.No, lineNo, language.LanguageCode, ct);
    }
}
